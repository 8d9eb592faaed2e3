package workday

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestLoadDirAddsAYear: a 2027 notice dropped in the folder covers 2027 and
// moves its days; other files are ignored; a broken file is refused with
// its name and nothing loaded.
func TestLoadDirAddsAYear(t *testing.T) {
	notice := `{"year": 2027, "papers": [], "days": [
		{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
		{"name": "春节", "date": "2027-02-08", "isOffDay": true}]}`
	fsys := fstest.MapFS{"2027.json": {Data: []byte(notice)}, "说明.txt": {Data: []byte("ignored")}}
	base := Default()
	cal, names, err := LoadDir(base, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "2027.json" {
		t.Errorf("read %v", names)
	}
	feb8 := time.Date(2027, 2, 8, 0, 0, 0, 0, time.UTC) // a Monday
	if !cal.Coverage(2027) || cal.IsWorkday(feb8) || !base.IsWorkday(feb8) || base.Coverage(2027) {
		t.Errorf("2027 covered %v, 2027-02-08 a workday %v (base %v, untouched)", cal.Coverage(2027), cal.IsWorkday(feb8), base.IsWorkday(feb8))
	}

	fsys["2028.json"] = &fstest.MapFile{Data: []byte(`{"year": 2028, "days": [{"name": "元旦", "date": "2028-01-01"}]}`)}
	if _, _, err := LoadDir(base, fsys); err == nil || !strings.Contains(err.Error(), "2028.json") {
		t.Errorf("a day without isOffDay: %v", err)
	}
	if cal, names, err := LoadDir(base, fstest.MapFS{}); err != nil || cal != base || len(names) != 0 {
		t.Errorf("an empty folder: %v %v", names, err)
	}
}
