"""Backup and restore of one union: every record it owns, in one checksummed archive."""
