package workday

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

// dataFS holds one JSON file per year of the State Council notices, from the
// public data set NateScarlet/holiday-cn (commit d4e53bf), as published.
//
//go:embed data/*.json
var dataFS embed.FS

// DataLicense is the MIT licence of the embedded holiday data
// (NateScarlet/holiday-cn), for wherever the binary lists its third-party
// notices; the licence asks that it travel with copies of the data.
//
//go:embed data/LICENSE
var DataLicense string

var defaultCalendar = sync.OnceValue(func() *Calendar {
	days, err := embeddedDays()
	if err != nil {
		// The embedded files are fixed at build time and loaded by the
		// tests, so this is a broken build, not a run-time condition.
		panic(err)
	}
	return New(days)
})

// Default returns the calendar of the embedded official schedules,
// 2007–2027 (a year whose notice is not yet out is empty until the data is
// updated). It is built once and shared; derive local calendars from it with
// With.
func Default() *Calendar { return defaultCalendar() }

// embeddedDays loads every embedded notice in the order of its year, so that
// where two notices list one date the later notice wins.
func embeddedDays() ([]Day, error) {
	names, err := fs.Glob(dataFS, "data/*.json")
	if err != nil {
		return nil, err
	}
	var days []Day
	for _, name := range names { // Glob sorts, and the names are years
		b, err := dataFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		d, err := ParseNotice(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		days = append(days, d...)
	}
	return days, nil
}
