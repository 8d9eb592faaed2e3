// Package notify delivers duban's notifications — reminders, 催办 and
// 督办 notices — over the channels an office already reads: e-mail over
// SMTP, a generic signed JSON webhook, and the DingTalk (钉钉) and WeCom
// (企业微信) group robots in their documented message formats.
//
// It is pure of storage. A Channel sends one Message; Deliver performs one
// attempt of one message on one channel, honouring the channel's Limiter
// and the retry Policy, and returns an Outcome for the caller to record.
// Every error a channel returns is classified (IsRetryable) so that a
// network failure, a 5xx, an HTTP 429 or a robot's rate-limit errcode is
// tried again later, while a bad address, a 4xx or a wrong robot token goes
// straight to the dead-letter list instead of being retried for hours.
//
// # Exactly once
//
// The network cannot give exactly-once delivery; the outbox that drives
// this package (in internal/store) gets as close as the peers allow:
//
//   - One outbox row per (Message.Key, channel), under a UNIQUE constraint.
//     Key is derived from what the notification is about (for example
//     "remind/task/42/2025-03-14"), never from a clock or a random number,
//     so a scheduler that runs twice — after a restart, or on two duban
//     instances sharing one PostgreSQL — inserts the same row twice and the
//     second insert is a no-op (INSERT … ON CONFLICT DO NOTHING).
//   - A sender claims a due row in a transaction (SELECT … FOR UPDATE SKIP
//     LOCKED on PostgreSQL; the single writer on SQLite), marks it
//     "sending" with a lease longer than the channel timeout, commits, and
//     only then calls Deliver. It stores the Outcome: Sent marks the row
//     done; a RetryAt sets next_attempt_at and, when Outcome.Attempted,
//     increments the attempt count; Dead moves it to the dead-letter list
//     with Err's text, from where an administrator may resend it (a resend
//     resets the attempt count and keeps the Key).
//   - A crash after the peer accepted a message but before the Outcome was
//     stored leaves a "sending" row whose lease expires. Sending it again
//     may duplicate; the peers are told the Key so that they can drop the
//     duplicate: the webhook body carries "key" and an Idempotency-Key
//     header, and the e-mail's Message-ID is derived from Key. The robots
//     have no such field, so the outbox should move an expired "sending"
//     robot row to the dead-letter list for a person to judge rather than
//     resend it blindly.
//
// A Limiter counts sends in one process. The robots' limit (20 messages a
// minute) is per robot, so with several instances the outbox must either
// let one instance at a time send on a channel (a lease per channel) or
// give each instance a share of the limit.
package notify
