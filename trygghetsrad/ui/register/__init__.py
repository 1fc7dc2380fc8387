"""The register workspace: people, organisations, groups and memberships."""
