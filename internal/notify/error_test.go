package notify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"
)

func TestIsRetryable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"classified retryable", retryable("x", 503, errors.New("e")), true},
		{"classified permanent", permanent("x", 404, errors.New("e")), false},
		{"wrapped classified", fmt.Errorf("outbox: %w", retryable("x", 0, io.EOF)), true},
		{"net error", &net.OpError{Op: "dial", Err: errors.New("refused")}, true},
		{"eof", io.ErrUnexpectedEOF, true},
		{"deadline", context.DeadlineExceeded, true},
		{"unknown", errors.New("something odd"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsRetryable(tt.err); got != tt.want {
				t.Errorf("IsRetryable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func TestClassifyStatus(t *testing.T) {
	tests := []struct {
		status    int
		ok        bool
		retryable bool
	}{
		{200, true, false}, {204, true, false},
		{400, false, false}, {401, false, false}, {404, false, false}, {413, false, false},
		{408, false, true}, {429, false, true}, {500, false, true}, {503, false, true},
	}
	for _, tt := range tests {
		e := classifyStatus("x", tt.status, "")
		if (e == nil) != tt.ok || (e != nil && e.Retryable != tt.retryable) {
			t.Errorf("classifyStatus(%d) = %v", tt.status, e)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"督办通知", 6, "督办"},
		{"督办通知", 7, "督办"},
		{"督办通知", 8, "督办"},
		{"督办通知", 9, "督办通"},
		{"督办", 0, ""},
	}
	for _, tt := range tests {
		if got := truncate(tt.s, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
