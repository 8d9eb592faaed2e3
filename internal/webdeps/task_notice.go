package webdeps

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/notice"
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
	for i := len(t.Supervision) - 1; i >= 0; i-- { // oldest first
		it := &t.Supervision[i]
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
	issuer := s.d.NoticeIssuer
	if issuer == "" {
		issuer = "督查室"
	}
	tmpl := s.d.NoticeTemplate
	if tmpl == nil {
		tmpl = notice.DefaultTemplate()
	}
	doc, err := notice.Render(tmpl, notice.Fields{
		Number: fmt.Sprintf("督办〔%d〕%d-%d号", item.On.Year(), t.ID, n), Issuer: issuer,
		Unit: strings.Join(units, "、"), Plan: t.PlanTitle, Task: t.Title, Level: item.Title,
		Due: item.Due, Issued: item.On, Deadline: item.Deadline})
	if err != nil {
		return nil, err
	}
	return &web.Download{Filename: fmt.Sprintf("督办通知书-%d-%d.docx", t.ID, n), ContentType: docxType,
		ModTime: item.On, Body: nopCloser{bytes.NewReader(doc)}}, nil
}

// nopCloser is a document held in memory, sent as a download.
type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// IssueNotice issues a 督办单 on the task by hand; the office only.
func (s *tasks) IssueNotice(ctx context.Context, id int64) error {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return err
	}
	if s.d.Supervisor == nil {
		return web.ErrNotFound
	}
	_, err = s.d.Supervisor.Issue(ctx, actor, id)
	return pageError(err, "", "error.issued_today")
}
