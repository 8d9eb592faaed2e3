// Package metrics is duban's Prometheus exposition (/metrics): requests
// by route pattern and status class, their latency, the scheduler's
// ticks, the notification outbox, and the database pools. It knows
// nothing of HTTP routing or the store: the server and the scheduler
// report to it, and what it reads at scrape time it is handed as
// functions.
package metrics

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Sources are what a scrape reads: the pools' statistics by pool name,
// and the outbox's unsent notifications by {channel, status}. Either
// may be nil.
type Sources struct {
	Pools  func() map[string]sql.DBStats
	Outbox func(ctx context.Context) (map[[2]string]int, error)
	Now    func() time.Time // the wall clock when nil
}

// Metrics holds duban's collectors in a registry of its own.
type Metrics struct {
	reg          *prometheus.Registry
	requests     *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	ticks        *prometheus.CounterVec
	tickSeconds  prometheus.Histogram
	sent         *prometheus.CounterVec
	lastTick     atomic.Int64 // unix nanoseconds of the last tick's end; 0 before the first
	now          func() time.Time
	lastTickDesc *prometheus.Desc
	lagDesc      *prometheus.Desc
}

// New builds the collectors and registers them with the Go runtime's
// and the process's.
func New(src Sources) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry(), now: src.Now}
	if m.now == nil {
		m.now = time.Now
	}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "duban_http_requests_total",
		Help: "HTTP requests by route pattern (unmatched for none), method and status class (2xx…5xx)."},
		[]string{"route", "method", "class"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "duban_http_request_duration_seconds",
		Help: "Time to answer an HTTP request, by route pattern.", Buckets: prometheus.DefBuckets}, []string{"route"})
	m.ticks = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "duban_scheduler_ticks_total",
		Help: "Supervision scheduler ticks by result (ok, error)."}, []string{"result"})
	m.tickSeconds = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "duban_scheduler_tick_duration_seconds",
		Help: "Time one scheduler tick took.", Buckets: prometheus.DefBuckets})
	m.sent = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "duban_notifications_delivered_total",
		Help: "Notification delivery attempts by outcome (sent, retried, dead)."}, []string{"outcome"})
	m.lastTickDesc = prometheus.NewDesc("duban_scheduler_last_tick_timestamp_seconds",
		"When the last scheduler tick ended (Unix time); absent before the first.", nil, nil)
	m.lagDesc = prometheus.NewDesc("duban_scheduler_seconds_since_last_tick",
		"Seconds since the last scheduler tick ended: far above scheduler_interval means it is stuck.", nil, nil)
	m.reg.MustRegister(m.requests, m.latency, m.ticks, m.tickSeconds, m.sent,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		scrape{m: m, src: src})
	return m
}

// Handler serves the exposition; access is the caller's business.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Request counts one answered request. route is the mux pattern ("" if
// none matched), never the raw path: the label set stays bounded.
func (m *Metrics) Request(route, method string, status int, took time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	switch method { // a bounded set: anything else is "other"
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
	default:
		method = "other"
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(status/100)+"xx").Inc()
	m.latency.WithLabelValues(route).Observe(took.Seconds())
}

// Tick records one scheduler tick: how long it took, whether it failed,
// and what its deliveries came to.
func (m *Metrics) Tick(took time.Duration, err error, sent, retried, dead int) {
	result := "ok"
	if err != nil {
		result = "error"
	}
	m.ticks.WithLabelValues(result).Inc()
	m.tickSeconds.Observe(took.Seconds())
	m.sent.WithLabelValues("sent").Add(float64(sent))
	m.sent.WithLabelValues("retried").Add(float64(retried))
	m.sent.WithLabelValues("dead").Add(float64(dead))
	m.lastTick.Store(m.now().UnixNano())
}

// scrape collects what is read at scrape time.
type scrape struct {
	m   *Metrics
	src Sources
}

var (
	outboxDesc = prometheus.NewDesc("duban_outbox_notifications",
		"Notifications not yet sent, by channel and status (pending, sending, dead = failed for good).",
		[]string{"channel", "status"}, nil)
	outboxErrDesc = prometheus.NewDesc("duban_outbox_read_errors",
		"1 when this scrape could not read the outbox.", nil, nil)
	poolOpen  = prometheus.NewDesc("duban_db_open_connections", "Open connections by pool.", []string{"pool"}, nil)
	poolInUse = prometheus.NewDesc("duban_db_in_use_connections", "Connections in use by pool.", []string{"pool"}, nil)
	poolIdle  = prometheus.NewDesc("duban_db_idle_connections", "Idle connections by pool.", []string{"pool"}, nil)
	poolMax   = prometheus.NewDesc("duban_db_max_open_connections", "The pool's limit (0 = none).", []string{"pool"}, nil)
	poolWaits = prometheus.NewDesc("duban_db_wait_count_total", "Waits for a connection by pool.", []string{"pool"}, nil)
	poolWait  = prometheus.NewDesc("duban_db_wait_duration_seconds_total", "Time waited for a connection by pool.", []string{"pool"}, nil)
)

func (s scrape) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{s.m.lastTickDesc, s.m.lagDesc, outboxDesc, outboxErrDesc,
		poolOpen, poolInUse, poolIdle, poolMax, poolWaits, poolWait} {
		ch <- d
	}
}

func (s scrape) Collect(ch chan<- prometheus.Metric) {
	if last := s.m.lastTick.Load(); last != 0 {
		t := time.Unix(0, last)
		ch <- prometheus.MustNewConstMetric(s.m.lastTickDesc, prometheus.GaugeValue, float64(last)/1e9)
		ch <- prometheus.MustNewConstMetric(s.m.lagDesc, prometheus.GaugeValue, s.m.now().Sub(t).Seconds())
	}
	if s.src.Outbox != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		depth, err := s.src.Outbox(ctx)
		cancel()
		failed := 0.0
		if err != nil {
			failed = 1
		}
		ch <- prometheus.MustNewConstMetric(outboxErrDesc, prometheus.GaugeValue, failed)
		for k, n := range depth {
			ch <- prometheus.MustNewConstMetric(outboxDesc, prometheus.GaugeValue, float64(n), k[0], k[1])
		}
	}
	if s.src.Pools != nil {
		for name, st := range s.src.Pools() {
			ch <- prometheus.MustNewConstMetric(poolOpen, prometheus.GaugeValue, float64(st.OpenConnections), name)
			ch <- prometheus.MustNewConstMetric(poolInUse, prometheus.GaugeValue, float64(st.InUse), name)
			ch <- prometheus.MustNewConstMetric(poolIdle, prometheus.GaugeValue, float64(st.Idle), name)
			ch <- prometheus.MustNewConstMetric(poolMax, prometheus.GaugeValue, float64(st.MaxOpenConnections), name)
			ch <- prometheus.MustNewConstMetric(poolWaits, prometheus.CounterValue, float64(st.WaitCount), name)
			ch <- prometheus.MustNewConstMetric(poolWait, prometheus.CounterValue, st.WaitDuration.Seconds(), name)
		}
	}
}
