"""Running the warehouse: jobs, the yearly schedule, the new-edition sensor and the build command."""
