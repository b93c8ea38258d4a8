// Placeholder until the MNISTData module lands.
