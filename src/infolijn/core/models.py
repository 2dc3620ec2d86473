"""infolijn.core has no tables; this module lets Django send it post_migrate (base setup)."""
