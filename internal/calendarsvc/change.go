package calendarsvc

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/workday"
)

// MaxScheduleBytes bounds an uploaded schedule: a year's notice is a few
// kilobytes, an .ics of several years some tens.
const MaxScheduleBytes = 1 << 20

// refusal is an invalid input at field with the catalogue key and its
// placeholders as name/value pairs; cause is for the log.
func refusal(field, key string, cause error, args ...any) *fault.Error {
	e := &fault.Error{Code: fault.Invalid, Fields: map[string]string{field: key}, Err: cause}
	for i := 0; i+1 < len(args); i += 2 {
		if e.Args == nil {
			e.Args = map[string]any{}
		}
		e.Args[args[i].(string)] = args[i+1]
	}
	return e
}

// ParseSchedule reads an uploaded schedule — the JSON form of the
// official notice, or an .ics calendar — by its name's extension. A
// refusal is at the field "file" and names the file.
func ParseSchedule(name string, data []byte) ([]workday.Day, error) {
	if len(data) > MaxScheduleBytes {
		return nil, refusal("file", "calendar.error.too_large", nil, "name", name, "kb", MaxScheduleBytes>>10)
	}
	var days []workday.Day
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		days, err = workday.ParseNotice(data)
	case ".ics":
		days, err = workday.ParseICS(bytes.NewReader(data))
	default:
		return nil, refusal("file", "calendar.error.file_kind", nil, "name", name)
	}
	if err != nil {
		// The parser's detail (line, position) says where; it is technical.
		return nil, refusal("file", "calendar.error.unreadable", err, "name", name, "detail", strings.TrimPrefix(err.Error(), "workday: "))
	}
	if len(days) == 0 {
		return nil, refusal("file", "calendar.error.no_days", nil, "name", name)
	}
	return days, nil
}

// The corrections of a single day an administrator can make.
const (
	SetOff      = "off"      // a day off (a holiday added)
	SetWork     = "work"     // a working day (调休上班, or a holiday taken back)
	SetOrdinary = "ordinary" // back to the plain rule: Monday to Friday worked
)

// Correction is the day that a single-day correction lays over the
// calendar. A day off needs the holiday's name, so that the explanations
// can say why the day was skipped.
func Correction(date time.Time, set, name string) (workday.Day, error) {
	d := workday.DateOf(date)
	name = strings.TrimSpace(name)
	switch set {
	case SetOff:
		if name == "" {
			return workday.Day{}, refusal("name", "calendar.error.off_name", nil, "date", d.Format(time.DateOnly))
		}
		return workday.Day{Date: d, Off: true, Name: name}, nil
	case SetWork:
		return workday.Day{Date: d, Name: name}, nil
	case SetOrdinary:
		return workday.Ordinary(d), nil
	}
	return workday.Day{}, refusal("set", "calendar.error.set", fmt.Errorf("calendar: set %q", set), "set", set)
}
