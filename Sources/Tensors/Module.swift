// Placeholder until the Tensors module lands.
