// Package randomdraw is the 双随机一公开 draw as pure logic: the plan and
// the frozen directory snapshot in a canonical serialisation with their
// SHA-256 hashes, the seed commitment (the seed's hash is published
// before the draw, the seed revealed with it), and the draw itself — a
// deterministic function of the seed, the plan and
// the snapshot, in the manner of RFC 3797 — with the record that holds
// everything needed to compute it again. Verify recomputes a record and
// names what differs.
//
// It imports no database, HTTP or template code: the service (randomsvc)
// feeds it stored rows, the command `duban draw verify` a downloaded file.
package randomdraw
