// Placeholder until the LineEdit module lands.
