// Package demo holds duban's demo data: the five plan documents of
// shared/seeds, official documents of state organs (outside copyright,
// Copyright Law art. 5). `duban demo` and `duban serve --demo` import them,
// and the importer's tests use them as inputs.
package demo

import (
	"embed"
	"io/fs"
)

//go:embed seeds/*.txt
var seeds embed.FS

// Seeds returns the demo plan documents, named by file name.
func Seeds() fs.FS {
	sub, err := fs.Sub(seeds, "seeds")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}
