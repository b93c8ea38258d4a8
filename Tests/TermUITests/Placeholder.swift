// Tests for this module are added with the module.
