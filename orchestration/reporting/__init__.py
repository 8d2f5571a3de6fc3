"""Publication: exports of every mart, the build summary, docs and the data-quality dashboard."""
