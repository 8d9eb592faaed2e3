package workday

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// LoadDir lays the schedules kept in fsys over base: every .json file (one
// year's notice, the form of the embedded data) and every .ics file, in
// name order, later files winning where two list one date. This is how an
// office adds a year published after its duban was built, or a locality's
// own days, without a new release. Other files are ignored. A file that
// cannot be read stops the load with its name; nothing is half-applied.
// It returns the new calendar and the names of the files it read.
func LoadDir(base *Calendar, fsys fs.FS) (*Calendar, []string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("workday: calendar folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		ext := strings.ToLower(path.Ext(e.Name()))
		if !e.IsDir() && (ext == ".json" || ext == ".ics") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var days []Day
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("workday: %s: %w", name, err)
		}
		var d []Day
		if strings.EqualFold(path.Ext(name), ".ics") {
			d, err = ParseICS(bytes.NewReader(data))
		} else {
			d, err = ParseNotice(data)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("workday: %s: %w", name, err)
		}
		days = append(days, d...)
	}
	if len(days) == 0 {
		return base, names, nil
	}
	return base.With(days...), names, nil
}
