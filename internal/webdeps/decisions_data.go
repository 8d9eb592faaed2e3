package webdeps

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/web"
)

// openDecision and openCommitment are the open data files' rows: the
// published catalogue's items and the commitments with their standing.
type openDecision struct {
	ID      int64  `json:"id"`
	Year    int    `json:"year"`
	Title   string `json:"title"`
	Unit    string `json:"unit"`
	Planned string `json:"planned"`
	Status  string `json:"status"`
}

type openCommitment struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Source   string `json:"source"`
	Unit     string `json:"unit"`
	Target   string `json:"target"`
	Deadline string `json:"deadline"`
	Standing string `json:"standing"`
}

var (
	decisionColumns   = []string{"opendata.id", "decisions.year", "decisions.col.title", "decisions.col.unit", "decisions.col.planned", "decisions.col.status"}
	commitmentColumns = []string{"opendata.id", "commitments.col.title", "commitments.source", "commitments.col.unit", "commitments.col.target",
		"commitments.col.deadline", "commitments.col.standing"}
)

// Data is the open data file of the published decision catalogue
// (decisions.csv, decisions.json) or of the commitments
// (commitments.csv, commitments.json), in zh-CN as the tasks' file is.
func (s *decisions) Data(ctx context.Context, file string) (*web.Download, error) {
	name, format, _ := strings.Cut(file, ".")
	if format != "csv" && format != "json" {
		return nil, web.ErrNotFound
	}
	zh := i18n.New(i18n.ZhCN)
	var rows any
	var header []string
	var cells [][]string
	switch name {
	case "decisions":
		list, err := s.d.Decisions.OpenData(ctx)
		if err != nil {
			return nil, pageError(err, "", "")
		}
		out := make([]openDecision, len(list))
		for i, d := range list {
			out[i] = openDecision{ID: d.ID, Year: d.Year, Title: d.Title, Unit: d.Unit, Planned: d.Planned, Status: zh.T("decisions.status." + d.Status)}
			cells = append(cells, []string{fmt.Sprint(d.ID), fmt.Sprint(d.Year), safeCell(d.Title), d.Unit, safeCell(d.Planned), out[i].Status})
		}
		rows, header = out, decisionColumns
	case "commitments":
		list, err := s.d.Commitments.Public(ctx)
		if err != nil {
			return nil, pageError(err, "", "")
		}
		out := make([]openCommitment, len(list))
		for i, c := range list {
			out[i] = openCommitment{ID: c.ID, Title: c.Title, Source: zh.T("commitments.source." + c.Source), Unit: c.Unit, Target: c.Target,
				Deadline: c.Deadline, Standing: zh.T("commitments.standing." + c.Standing)}
			o := out[i]
			cells = append(cells, []string{fmt.Sprint(o.ID), safeCell(o.Title), o.Source, o.Unit, safeCell(o.Target), o.Deadline, o.Standing})
		}
		rows, header = out, commitmentColumns
	default:
		return nil, web.ErrNotFound
	}
	var buf bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return nil, err
		}
		return &web.Download{Filename: file, ContentType: "application/json; charset=utf-8", ModTime: s.d.Portal.Now(),
			Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
	}
	buf.WriteString("\ufeff") // Excel opens UTF-8 CSV as such only with the BOM
	w := csv.NewWriter(&buf)
	names := make([]string, len(header))
	for i, k := range header {
		names[i] = zh.T(k)
	}
	w.Write(names)
	w.WriteAll(cells)
	return &web.Download{Filename: file, ContentType: "text/csv; charset=utf-8", ModTime: s.d.Portal.Now(),
		Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
}
