// Package cli holds duban's subcommands and wires the capability packages
// together. It is the only package that knows about flags, terminals and
// exit codes; end-to-end tests call Main exactly as the binary does.
package cli
