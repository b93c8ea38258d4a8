// Placeholder until the _TestSupport module lands.
