package web

import "time"

// calendarSamples are the 工作日历 pages' sample data: a year with a
// holiday, a 调休 day and today marked, the forms with a refused change,
// and a change with a moved deadline — with markup in every text that
// people type, which must come out escaped.
func calendarSamples(p Page) map[string][]any {
	at := time.Date(2026, 6, 11, 2, 0, 0, 0, time.UTC)
	month := CalendarMonth{Month: 6, Weeks: [][7]CalendarCell{
		{{Day: 1, Kind: "workday"}, {Day: 2, Kind: "workday", Today: true}, {Day: 3, Kind: "adjusted", Name: "端午节"},
			{}, {}, {Day: 6, Kind: "weekend"}, {Day: 7, Kind: "holiday", Name: "<b>端午节</b>"}},
	}}
	change := CalendarChangeView{ID: 3, Scope: "local", Source: "单日更正 2026-06-15", Reason: "<i>市政府通知</i>", Days: 1, Moved: 1, Actor: "ducha", At: at}
	view := &CalendarView{Year: 2026, Months: []CalendarMonth{month}, Covered: "2007—2026", Locality: "广西壮族自治区", CanEdit: true,
		Holidays: []CalendarDay{{Date: at, Kind: "holiday", Name: "端午节"}, {Date: at, Kind: "adjusted", Name: "端午节"}},
		Changes:  []CalendarChangeView{change, {ID: 2, Scope: "national", Source: "2027.json", Reason: "国办发明电", Days: 40, Actor: "admin", At: at}}}
	return map[string][]any{
		"calendar": {
			CalendarPage{Page: p, CalendarView: view},
			CalendarPage{Page: p, CalendarView: &CalendarView{Year: 2027, Missing: true, Covered: "2007—2026", Locality: "本地"},
				Problem: "2027.json: 第 3 行: <script>", Form: CalendarCorrection{Date: "2027-01-01", Set: "off", Scope: "local", Reason: "<x>"}},
		},
		"calendar_change": {
			CalendarChangePage{Page: p, CalendarChangeDetail: &CalendarChangeDetail{CalendarChangeView: change, Locality: "本地",
				Moves: []CalendarMove{{TaskID: 2, TaskTitle: "<b>任务</b>", Label: "蓝色督办单", On: at, From: at, To: at.AddDate(0, 0, 1)}}}},
			CalendarChangePage{Page: p, CalendarChangeDetail: &CalendarChangeDetail{CalendarChangeView: change}},
		},
	}
}
