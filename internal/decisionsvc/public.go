package decisionsvc

import (
	"context"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/decision"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// PublicDecision is a decision as the portal shows it: no comments, the
// comment period and whether it is open today, the 采纳情况 once given.
type PublicDecision struct {
	records.Decision
	Commenting bool
	Feedback   string // the 采纳情况
	Comments   int    // how many comments were received
}

// PublicCatalogue is year's catalogue once published, for anyone; a
// catalogue not published is not found.
func (s *Service) PublicCatalogue(ctx context.Context, year int) (*records.DecisionCatalogue, error) {
	c, err := s.Store.FindDecisionCatalogue(ctx, year)
	if err != nil {
		return nil, err
	}
	if c.State != records.CataloguePublished {
		return nil, fault.ErrNotFound
	}
	for i := range c.Items {
		c.Items[i].Gate = decision.Read(steps(&c.Items[i])).Current()
		c.Items[i].CreatedBy = ""
	}
	return c, nil
}

// PublicDecision is a decision of a published catalogue, for anyone.
func (s *Service) PublicDecision(ctx context.Context, id int64) (*PublicDecision, error) {
	d, err := s.Store.FindDecision(ctx, id)
	if err != nil {
		return nil, err
	}
	c, err := s.Store.FindDecisionCatalogue(ctx, d.Year)
	if err != nil {
		return nil, err
	}
	if c.State != records.CataloguePublished {
		return nil, fault.ErrNotFound
	}
	st := decision.Read(steps(d))
	out := &PublicDecision{Decision: *d, Commenting: st.Commenting(s.today()), Comments: len(d.Comments)}
	out.Decision.Gate, out.Decision.Comments, out.Decision.CreatedBy = st.Current(), nil, ""
	published := d.Status == decision.StatusPublished
	kept := make([]records.DecisionStep, 0, len(d.Steps))
	for _, step := range d.Steps {
		step.Actor = ""
		if step.Kind == decision.StepFeedback {
			out.Feedback = step.Body
		}
		if step.Kind == decision.StepInterpret && !published {
			continue // the 解读 is public with the decision, not before
		}
		if !published || !interpretation(step.Kind) {
			step.Files = nil
		}
		kept = append(kept, step)
	}
	out.Decision.Steps = kept
	return out, nil
}

// interpretation says whether a step's documents are the decision's
// 解读: the publication's and the drafting unit's.
func interpretation(kind string) bool {
	return kind == decision.StepPublish || kind == decision.StepInterpret
}

// PublicFile is a document of a decision's 解读, for anyone once the
// decision is published (in a published catalogue); any other document,
// or a 解读 before publication, is not found.
func (s *Service) PublicFile(ctx context.Context, id int64) (*records.Attachment, io.ReadSeekCloser, error) {
	_, did, err := s.Store.FindDecisionFile(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	d, err := s.PublicDecision(ctx, did)
	if err != nil {
		return nil, nil, err
	}
	for _, step := range d.Steps {
		for _, a := range step.Files {
			if a.ID == id && s.Files != nil {
				f, err := s.Files.Get(a.SHA256)
				if err != nil {
					return nil, nil, err
				}
				return &a, f, nil
			}
		}
	}
	return nil, nil, fault.ErrNotFound
}

// CommentInput is a comment from the portal's form.
type CommentInput struct {
	Name, Contact, Body string
	IP                  string
}

// Comment takes a comment from the public on decision id while its
// comment period is open; a refusal of the input is invalid at the
// field, a decision not open to comments is a state refusal.
func (s *Service) Comment(ctx context.Context, id int64, in CommentInput) error {
	d, err := s.PublicDecision(ctx, id)
	if err != nil {
		return err
	}
	if !d.Commenting {
		return &fault.Error{Code: fault.State, Fields: map[string]string{"body": "decisions.error.not_commenting"}}
	}
	in.Name, in.Contact, in.Body = strings.TrimSpace(in.Name), strings.TrimSpace(in.Contact), strings.TrimSpace(in.Body)
	var bad fault.Problems
	if in.Body == "" || utf8.RuneCountInString(in.Body) > MaxText {
		bad.At("body", "decisions.error.comment")
	}
	if utf8.RuneCountInString(in.Name) > MaxName {
		bad.At("name", "decisions.error.name")
	}
	if utf8.RuneCountInString(in.Contact) > MaxName {
		bad.At("contact", "decisions.error.contact")
	}
	if err := bad.Err(); err != nil {
		return err
	}
	_, err = s.Store.AddDecisionComment(ctx, audit.Actor{Username: "public", IP: in.IP}, id,
		records.DecisionComment{Name: in.Name, Contact: in.Contact, Body: in.Body})
	return err
}

// OpenData is every item of every published catalogue, year by year,
// as the portal shows them: the open data file of the 目录. A catalogue
// drafted or approved but not published is not in it.
func (s *Service) OpenData(ctx context.Context) ([]records.Decision, error) {
	all, err := s.Store.FindDecisions(ctx, 0)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	out := []records.Decision{}
	for _, d := range all {
		if seen[d.Year] {
			continue
		}
		seen[d.Year] = true
		c, err := s.PublicCatalogue(ctx, d.Year)
		if errors.Is(err, fault.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, it := range c.Items {
			it.Steps, it.Comments = nil, nil
			out = append(out, it)
		}
	}
	return out, nil
}
