// Placeholder until the TFBindings module lands.
