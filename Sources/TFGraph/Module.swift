// Placeholder until the TFGraph module lands.
