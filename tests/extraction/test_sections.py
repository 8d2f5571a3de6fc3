"""The section tree: parts, chapters, sections; the table of contents is not a section."""
from __future__ import annotations

from orchestration.extraction import extract_sections, read_document


def test_heading_tree_and_toc(tmp_path):
    text = ("报告（2023年）\n\n摘 要\n\n一、总体成效\n\n用户达 1 亿。\n\n目 录\n\n第一篇\n\n"
            "一、网络设施.....1\n(一) 光纤网络.....2\n\n第一篇\n\n一、网络设施\n\n（一）光纤网络\n\n"
            "端口达 2 亿个。\n\n(二) 移动网络\n\n基站 300 万个。\n\n第二篇\n\n附件\n\n一、问卷\n\n样本 5 万份。\n")
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    sections = extract_sections(read_document(path))
    assert [(s.level, s.path) for s in sections] == [
        (1, "摘 要"), (2, "摘 要 › 一、总体成效"), (1, "第一篇"), (2, "第一篇 › 一、网络设施"),
        (3, "第一篇 › 一、网络设施 › （一）光纤网络"), (3, "第一篇 › 一、网络设施 › (二) 移动网络"),
        (1, "第二篇"), (1, "附件"), (2, "附件 › 一、问卷")]
    by_path = {s.path: s for s in sections}
    # the contents (目 录 ...) close the summary and belong to no section
    assert by_path["摘 要"].line_end == 8
    fibre = by_path["第一篇 › 一、网络设施 › （一）光纤网络"]
    assert (fibre.line_start, fibre.line_end) == (20, 23)
    assert by_path["第一篇"].line_end == by_path["第二篇"].line_start - 1


def test_report_2021_sections(report_2021):
    sections = extract_sections(report_2021)
    paths = [s.path for s in sections]
    assert paths[0] == "摘 要"
    assert any(p.startswith("第二篇 › 三、") and p.endswith("“双千兆”时代") for p in paths)
    assert any(p.startswith("附件 › 五、") for p in paths)
    # no TOC entry (dot leaders) became a section
    assert not any("....." in p for p in paths)
    assert all(s.line_start <= s.line_end for s in sections)
