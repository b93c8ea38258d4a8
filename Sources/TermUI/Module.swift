// Placeholder until the TermUI module lands.
