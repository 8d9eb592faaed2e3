// Package buildinfo says which build of duban is running: the version
// the release build stamps into the binary (make build:
// -ldflags "-X github.com/duban/duban/internal/buildinfo.Stamp=…"),
// else the Git commit the Go toolchain recorded, else "dev".
package buildinfo

import (
	"runtime"
	"runtime/debug"
)

// Stamp is set at link time; empty in a plain `go build`.
var Stamp string

// Version is the running binary's version.
func Version() string {
	if Stamp != "" {
		return Stamp
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return fromSettings(info.Settings)
}

// fromSettings is the commit (12 hex digits, "-dirty" when the tree had
// changes) the toolchain recorded, or "dev" without one.
func fromSettings(settings []debug.BuildSetting) string {
	var rev string
	dirty := false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
}

// Go is the toolchain and platform the binary was built with and for.
func Go() string { return runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH }
