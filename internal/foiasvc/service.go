// Package foiasvc runs 依申请公开 requests over the store: receipt by an
// official or the public form, each dated step checked by the statutory
// clock of package foia before it is kept, the reply with its letter,
// and the annual report's table from the records. The pages and the
// public form share one.
package foiasvc

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service is the disclosure office's desk.
type Service struct {
	Store    Store
	Calendar workday.Source
	Now      func() time.Time
	// Letters names the agency in the reply letters and the bodies of the
	// remedies notice.
	Letters Letterhead
}

// Letterhead is what the reply letters say of the agency.
type Letterhead struct {
	Agency          string // the agency that replies: ××市人民政府办公室
	Reconsideration string // where to apply for 行政复议
	Court           string // where to sue
}

// InputError lists what is wrong with a request or a step, in Chinese.
type InputError struct{ Problems []string }

func (e *InputError) Error() string { return "依申请公开：" + strings.Join(e.Problems, "；") }

// Intake is a request as received.
type Intake struct {
	Kind     string // foia.Applicant
	Name     string
	IDNo     string
	Phone    string
	Email    string
	Address  string
	Channel  string    // foia.Channel
	Received time.Time // the day of receipt; zero: today
	Content  string    // the information asked for
	Form     string    // the form asked for
	IP       string    // where a public submission came from, for the audit log
}

// MaxContent bounds a request's description, in characters.
const MaxContent = 2000

// View is a request with its steps and where its clock stands today.
type View struct {
	Request records.FOIARequest
	Steps   []records.FOIAStep
	Clock   foia.Clock
}

// Receive records a request received by post, in person or otherwise.
func (s *Service) Receive(ctx context.Context, actor audit.Actor, in Intake) (*View, error) {
	return s.receive(ctx, actor, in, "")
}

// ReceivePublic records a request from the public form, received online
// today, and returns the secret with which the applicant follows it;
// only its hash is kept.
func (s *Service) ReceivePublic(ctx context.Context, in Intake) (*View, string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, "", err
	}
	secret := hex.EncodeToString(b[:])
	in.Channel, in.Received = string(foia.Online), time.Time{}
	v, err := s.receive(ctx, audit.Actor{Username: "public", IP: in.IP}, in, followHash(secret))
	return v, secret, err
}

// today is the civil day in China, which the statutory days count.
func (s *Service) today() time.Time { return workday.DateOf(s.Now().In(workday.Zone)) }

func followHash(secret string) string {
	sum := sha256.Sum256([]byte("duban-foia-follow:" + secret))
	return hex.EncodeToString(sum[:])
}

// Follow is the request an applicant follows with its secret.
func (s *Service) Follow(ctx context.Context, id int64, secret string) (*View, error) {
	r, steps, err := s.Store.FindFOIARequestByFollow(ctx, id, followHash(secret))
	if err != nil {
		return nil, err
	}
	return s.view(r, steps)
}

// Find is one request as it stands today.
func (s *Service) Find(ctx context.Context, id int64) (*View, error) {
	r, steps, err := s.Store.FindFOIARequest(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.view(r, steps)
}

func (s *Service) receive(ctx context.Context, actor audit.Actor, in Intake, follow string) (*View, error) {
	today := s.today()
	if in.Received.IsZero() {
		in.Received = today
	}
	var problems []string
	in.Name, in.Content = strings.TrimSpace(in.Name), strings.TrimSpace(in.Content)
	if foia.ApplicantLabel(foia.Applicant(in.Kind)) == "" {
		problems = append(problems, "申请人类型：请选择自然人、法人或其他组织中的一类")
	}
	if in.Name == "" {
		problems = append(problems, "申请人：请填写姓名或名称")
	}
	if in.Phone == "" && in.Email == "" && strings.TrimSpace(in.Address) == "" {
		problems = append(problems, "联系方式：电话、电子邮箱、通信地址至少填写一项，以便送达答复")
	}
	if foia.ChannelLabel(foia.Channel(in.Channel)) == "" {
		problems = append(problems, "提交方式：不是条例规定的渠道")
	}
	if in.Content == "" {
		problems = append(problems, "所需信息：请描述申请公开的政府信息（名称、文号或便于查询的其他特征）")
	}
	if n := utf8.RuneCountInString(in.Content); n > MaxContent {
		problems = append(problems, fmt.Sprintf("所需信息：不超过 %d 字（现 %d 字）", MaxContent, n))
	}
	if received := workday.DateOf(in.Received); received.After(today) {
		problems = append(problems, "收到日期：不能晚于今天")
	}
	if len(problems) > 0 {
		return nil, &InputError{problems}
	}
	r := records.FOIARequest{ApplicantKind: in.Kind, ApplicantName: in.Name, ApplicantIDNo: strings.TrimSpace(in.IDNo),
		ApplicantPhone: strings.TrimSpace(in.Phone), ApplicantEmail: strings.TrimSpace(in.Email), ApplicantAddr: strings.TrimSpace(in.Address),
		Channel: in.Channel, ReceivedOn: workday.DateOf(in.Received), Content: in.Content, Form: strings.TrimSpace(in.Form),
		Withheld: -1, FollowHash: follow}
	if err := s.settle(&r, nil); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateFOIARequest(ctx, actor, r)
	if err != nil {
		return nil, err
	}
	return s.Find(ctx, id)
}

// settle runs the clock over the steps and keeps its state and deadline
// on the request, or refuses steps the Regulations do not allow.
func (s *Service) settle(r *records.FOIARequest, steps []records.FOIAStep) error {
	c, err := s.run(r, steps)
	if err != nil {
		return err
	}
	r.State = c.State
	r.DueOn = nil
	if !c.Due.IsZero() {
		due := c.Due
		r.DueOn = &due
	}
	return nil
}

func (s *Service) run(r *records.FOIARequest, steps []records.FOIAStep) (foia.Clock, error) {
	return s.runAt(r, steps, s.today())
}

// runAt is where the request stood on a day: before a step, on the day
// of the step.
func (s *Service) runAt(r *records.FOIARequest, steps []records.FOIAStep, day time.Time) (foia.Clock, error) {
	req := foia.Request{Channel: foia.Channel(r.Channel), Received: r.ReceivedOn}
	for _, st := range steps {
		req.Steps = append(req.Steps, foia.Step{Kind: st.Kind, On: st.On, Days: st.Days})
	}
	c, err := foia.Run(s.Calendar.Current(), req, day)
	if errors.Is(err, foia.ErrSteps) {
		return c, &InputError{[]string{stepProblem(err)}}
	}
	return c, err
}

func (s *Service) view(r *records.FOIARequest, steps []records.FOIAStep) (*View, error) {
	c, err := s.run(r, steps)
	if err != nil {
		return nil, err
	}
	if r.ConcludedOn != nil {
		// concluded, also when it ended as abandoned while the clock
		// still counted the 补正 or the fee
		c.State = foia.StateReplied
	}
	r.State = c.State
	return &View{Request: *r, Steps: steps, Clock: c}, nil
}

// stepProblem says in Chinese why the clock refused the steps.
func stepProblem(err error) string {
	msg := err.Error()
	for _, m := range []struct{ in, out string }{
		{"second 补正", "条例只允许一次性告知补正，已告知过"},
		{"without a 补正 notice", "尚未告知补正，不能登记收到补正"},
		{"a second extension", "条例只允许延长一次答复期限，已延长过"},
		{"an extension of", fmt.Sprintf("延长期限最长 %d 个工作日", foia.MaxExtension)},
		{"before the receipt", "日期不能早于收到申请之日"},
		{"while the clock already stands", "征求意见或收费期间尚未结束，请先登记其结束"},
		{"without its start", "没有对应的征求意见或收费通知"},
	} {
		if strings.Contains(msg, m.in) {
			return m.out
		}
	}
	return "办理步骤不符合条例规定（" + msg + "）"
}
