package notify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"time"
)

// Error is a failed send, classified. Channels wrap every failure in one so
// that the outbox can decide between retrying and dead-lettering without
// knowing the channel.
type Error struct {
	// Channel is the Name of the channel that failed.
	Channel string
	// Code is what the peer answered: an HTTP status, an SMTP reply code or
	// a robot's errcode; 0 when the peer never answered.
	Code int
	// Retryable is true when the same message may succeed later.
	Retryable bool
	// RetryAfter is the peer's own hint (HTTP Retry-After), zero if none.
	RetryAfter time.Duration
	// Err is the underlying failure.
	Err error
}

// Error implements error; it names the channel and the class so that a
// dead letter explains itself to the administrator.
func (e *Error) Error() string {
	kind := "permanent"
	if e.Retryable {
		kind = "retryable"
	}
	if e.Code != 0 {
		return fmt.Sprintf("notify: %s: %s (code %d): %v", e.Channel, kind, e.Code, e.Err)
	}
	return fmt.Sprintf("notify: %s: %s: %v", e.Channel, kind, e.Err)
}

// Unwrap returns the underlying failure, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

func retryable(channel string, code int, err error) *Error {
	return &Error{Channel: channel, Code: code, Retryable: true, Err: err}
}

func permanent(channel string, code int, err error) *Error {
	return &Error{Channel: channel, Code: code, Err: err}
}

// IsRetryable reports whether a failed send may succeed if tried again.
// An *Error says so itself; otherwise network failures, timeouts and
// cancellation (a shutdown mid-send) are retryable and anything else is
// permanent, because retrying an error nobody understood for hours only
// hides it from the administrator.
func IsRetryable(err error) bool {
	if err == nil {
		return false
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Retryable
	}
	var ne net.Error
	return errors.As(err, &ne) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// retryAfter returns the peer's hint carried by err, if any.
func retryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}

// classifyStatus turns an HTTP status into an error; nil for 2xx. 408, 429
// and 5xx are the statuses a well-behaved server uses for "not now".
func classifyStatus(channel string, status int, body string) *Error {
	switch {
	case status >= 200 && status < 300:
		return nil
	case status == 408 || status == 429 || status >= 500:
		return retryable(channel, status, fmt.Errorf("http status %d: %s", status, body))
	default:
		return permanent(channel, status, fmt.Errorf("http status %d: %s", status, body))
	}
}
