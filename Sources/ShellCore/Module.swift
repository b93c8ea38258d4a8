// Placeholder until the ShellCore module lands.
