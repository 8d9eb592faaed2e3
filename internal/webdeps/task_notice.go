package webdeps

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/notice"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// docxType is the media type of a Word document.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// Notice renders the 督办通知书 of the task's notice key for whoever may
// read the task: the unit that received it, the office, the leaders.
func (s *tasks) Notice(ctx context.Context, id int64, key string) (*web.Download, error) {
	t, err := s.Get(ctx, id) // checks that the user may read the task
	if err != nil {
		return nil, err
	}
	// Notices are numbered per task in the order they were issued:
	// 督办〔2026〕42-2号 is task 42's second notice.
	var item *web.SupervisionItem
	n, count := 0, 0
	// pressed: a 催办 recorded before the notice; only then does it say 经催办.
	pressed := false
	for i := len(t.Supervision) - 1; i >= 0 && item == nil; i-- { // oldest first
		it := &t.Supervision[i]
		if it.Kind == string(supervise.KindPress) {
			pressed = true
		}
		if it.Deadline.IsZero() {
			continue
		}
		count++
		if it.Key == key {
			item, n = it, count
		}
	}
	if item == nil {
		return nil, fmt.Errorf("%w: task %d has no notice %q", web.ErrNotFound, id, key)
	}
	units := t.LeadUnits
	if len(units) == 0 {
		units = t.Units
	}
	// The notice is the office's document, in its language (zh-CN)
	// whoever downloads it.
	zh := i18n.New(i18n.ZhCN)
	issuer := s.d.NoticeIssuer
	if issuer == "" {
		issuer = zh.T("notice.issuer")
	}
	tmpl := s.d.NoticeTemplate
	if tmpl == nil {
		tmpl = notice.DefaultTemplate()
	}
	doc, err := notice.Render(tmpl, notice.Fields{
		Number: zh.T("notice.number", "year", item.On.Year(), "task", t.ID, "n", n), Issuer: issuer,
		Unit: strings.Join(units, zh.T("units.list_sep")), Plan: t.PlanTitle, Task: t.Title, Level: item.Title,
		Due: item.Due, Issued: item.On, Deadline: item.Deadline, Pressed: pressed})
	if err != nil {
		return nil, err
	}
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.d.Ledger.RecordNoticeDownload(ctx, p, actor, t.ID, key); err != nil {
		return nil, pageError(err, "", "")
	}
	return &web.Download{Filename: zh.T("notice.filename", "task", t.ID, "n", n), ContentType: docxType,
		ModTime: item.On, Body: nopCloser{bytes.NewReader(doc)}}, nil
}

// nopCloser is a document held in memory, sent as a download.
type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// IssueNotice issues a 督办单 on the task by hand; supervisionsvc checks
// that the caller may (the office).
func (s *tasks) IssueNotice(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Supervision.Issue(ctx, p, actor, id)
	return pageError(err, "", "")
}

// TakeOver is 提级督办; ledgersvc checks that the caller may (an office
// whose scope holds the task).
func (s *tasks) TakeOver(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Ledger.TakeOver(ctx, p, actor, id)
	return pageError(err, "", "")
}
