package workday

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// noticeFile is the JSON form of one year's notice, as in the data set
// NateScarlet/holiday-cn: {"year":2026,"papers":[…],"days":[{"name":"春节",
// "date":"2026-02-15","isOffDay":true},…]}. Pointers tell a missing field
// from a zero one: a day without isOffDay must not pass as a working day.
type noticeFile struct {
	Year *int         `json:"year"`
	Days *[]noticeDay `json:"days"`
}

type noticeDay struct {
	Name     string `json:"name"`
	Date     string `json:"date"`
	IsOffDay *bool  `json:"isOffDay"`
}

// ParseNotice reads one year's official schedule in the JSON form of the
// embedded data, for an administrator loading a year that was published
// after the build. Every day carries the notice's year as its NoticeYear.
//
// It refuses what would silently give wrong deadlines: a day without a valid
// date or without isOffDay, a date listed twice, a date more than a year from
// the notice's (a notice lists only its year and the edges of its
// neighbours, such as 2018-12-29 in 2019's). A notice with no days — a year
// not yet published — is not an error; it returns no days and so leaves its
// year uncovered.
func ParseNotice(data []byte) ([]Day, error) {
	var f noticeFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("workday: notice: %w", withJSONPosition(data, err))
	}
	if f.Year == nil {
		return nil, errors.New(`workday: notice: no "year"`)
	}
	year := *f.Year
	if year < 1 || year > 9999 {
		return nil, fmt.Errorf("workday: notice: year %d out of range", year)
	}
	if f.Days == nil {
		return nil, fmt.Errorf(`workday: notice %d: no "days" list`, year)
	}
	days := make([]Day, 0, len(*f.Days))
	seen := make(map[int]int, len(*f.Days))
	for i, nd := range *f.Days {
		where := fmt.Sprintf("workday: notice %d: days[%d]", year, i)
		d, err := ParseDate(nd.Date)
		if err != nil {
			return nil, fmt.Errorf("%s: bad date %q: want YYYY-MM-DD", where, nd.Date)
		}
		if nd.IsOffDay == nil {
			return nil, fmt.Errorf(`%s (%s): no "isOffDay"`, where, nd.Date)
		}
		if y := d.Year(); y < year-1 || y > year+1 {
			return nil, fmt.Errorf("%s: %s is not within a year of %d", where, nd.Date, year)
		}
		if j, dup := seen[dayOf(d)]; dup {
			return nil, fmt.Errorf("%s: %s is listed twice (also days[%d])", where, nd.Date, j)
		}
		seen[dayOf(d)] = i
		days = append(days, Day{Date: d, Name: strings.TrimSpace(nd.Name), Off: *nd.IsOffDay, NoticeYear: year})
	}
	return days, nil
}

// withJSONPosition adds the line and column to a JSON error, since the
// decoder only gives a byte offset and administrators edit these by hand.
func withJSONPosition(data []byte, err error) error {
	var offset int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	if offset < 0 || offset > int64(len(data)) {
		return err
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}
