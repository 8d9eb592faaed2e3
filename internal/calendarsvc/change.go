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

// ParseSchedule reads an uploaded schedule — the JSON form of the
// official notice, or an .ics calendar — by its name's extension, naming
// the file in any error.
func ParseSchedule(name string, data []byte) ([]workday.Day, error) {
	if len(data) > MaxScheduleBytes {
		return nil, fmt.Errorf("%s: 文件超过 %d KB，不像是节假日安排: %w", name, MaxScheduleBytes>>10, fault.ErrInvalid)
	}
	var days []workday.Day
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		days, err = workday.ParseNotice(data)
	case ".ics":
		days, err = workday.ParseICS(bytes.NewReader(data))
	default:
		return nil, fmt.Errorf("%s: 只接受 .json（放假安排）或 .ics（日历）文件: %w", name, fault.ErrInvalid)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", name, strings.TrimPrefix(err.Error(), "workday: "), fault.ErrInvalid)
	}
	if len(days) == 0 {
		return nil, fmt.Errorf("%s: 文件中没有任何日期: %w", name, fault.ErrInvalid)
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
			return workday.Day{}, fmt.Errorf("%s 改为休息日需写明节日名称（如 三月三）: %w", d.Format(time.DateOnly), fault.ErrInvalid)
		}
		return workday.Day{Date: d, Off: true, Name: name}, nil
	case SetWork:
		return workday.Day{Date: d, Name: name}, nil
	case SetOrdinary:
		return workday.Ordinary(d), nil
	}
	return workday.Day{}, fmt.Errorf("改为 %q: 应为 off、work 或 ordinary: %w", set, fault.ErrInvalid)
}
