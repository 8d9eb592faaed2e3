package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/scheduler"
	"github.com/duban/duban/internal/supervise"
)

// newScheduler builds the supervision scheduler from the configuration:
// the in-app inbox always, and each external channel that is configured,
// each with the robots' rate limit. The scheduler and the limits run on
// the clock every service is given, the sign-in service's. The 督办单 the
// office issues by hand (supervisionsvc) go out as the scheduler sends its
// own.
func (a *App) newScheduler() (*scheduler.Scheduler, error) {
	c := a.Config
	s := &scheduler.Scheduler{Store: a.Store, Calendar: a.Calendar, Rules: supervise.Default(),
		Channels: map[string]notify.Channel{}, Limiters: map[string]*notify.Limiter{},
		BaseURL: strings.TrimSuffix(c.BaseURL, "/"), Now: a.Signin.Now, Log: a.Log}
	if a.Incidents != nil {
		s.Alerts = append(s.Alerts, incidentAlerts(a.Incidents))
	}
	if a.Hotline != nil {
		s.Alerts = append(s.Alerts, ticketAlerts(a.Hotline))
	}
	if s.BaseURL == "" {
		s.BaseURL = "http://" + c.Addr
	}
	a.Supervision.Notices = s
	if c.NotifyWebhookURL != "" {
		ch, err := notify.NewWebhook(c.NotifyWebhookURL, c.NotifyWebhookSecret)
		if err != nil {
			return nil, fmt.Errorf("notify_webhook_url: %w", err)
		}
		s.Channels["webhook"] = ch
	}
	if c.SMTPAddr != "" {
		ch, err := notify.NewEmail(notify.SMTPConfig{Addr: c.SMTPAddr, From: c.SMTPFrom, Username: c.SMTPUsername,
			Password: c.SMTPPassword, RequireTLS: c.SMTPRequireTLS, TLS: c.SMTPTLS, Auth: c.SMTPAuth, CAFile: c.SMTPCAFile})
		if err != nil {
			return nil, fmt.Errorf("notify_smtp_addr: %w", err)
		}
		s.Channels["email"] = ch
	}
	if c.NotifyDingTalkURL != "" {
		ch, err := notify.NewDingTalk(c.NotifyDingTalkURL, c.DingTalkSecret)
		if err != nil {
			return nil, fmt.Errorf("notify_dingtalk_url: %w", err)
		}
		s.Channels["dingtalk"], s.Limiters["dingtalk"] = ch, notify.RobotLimiter(a.Signin.Now)
	}
	if c.NotifyWeComURL != "" {
		ch, err := notify.NewWeCom(c.NotifyWeComURL)
		if err != nil {
			return nil, fmt.Errorf("notify_wecom_url: %w", err)
		}
		s.Channels["wecom"], s.Limiters["wecom"] = ch, notify.RobotLimiter(a.Signin.Now)
	}
	return s, nil
}

// incidentAlerts are the major incidents' disclosure clocks running out,
// as the scheduler sends them.
func incidentAlerts(svc *emergencysvc.Service) scheduler.AlertSource {
	return func(ctx context.Context) ([]scheduler.Alert, error) {
		list, err := svc.Alerts(ctx)
		out := make([]scheduler.Alert, len(list))
		for i, a := range list {
			out[i] = scheduler.Alert{Key: a.Key, Entity: "incident", ID: a.IncidentID, UnitID: a.UnitID, Title: a.Title, Text: a.Text,
				Path: fmt.Sprintf("/incidents/%d", a.IncidentID)}
		}
		return out, err
	}
}

// ticketAlerts are 12345's 统一督办: tickets left in triage, not signed
// for, near or past their deadline.
func ticketAlerts(svc *hotlinesvc.Service) scheduler.AlertSource {
	return func(ctx context.Context) ([]scheduler.Alert, error) {
		list, err := svc.Alerts(ctx)
		out := make([]scheduler.Alert, len(list))
		for i, a := range list {
			out[i] = scheduler.Alert{Key: a.Key, Entity: "ticket", ID: a.TicketID, UnitID: a.UnitID, Title: a.Title, Text: a.Text,
				Path: fmt.Sprintf("/tickets/%d", a.TicketID)}
		}
		return out, err
	}
}
