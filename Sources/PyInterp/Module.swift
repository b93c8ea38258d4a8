// Placeholder until the PyInterp module lands.
