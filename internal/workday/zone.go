package workday

import "time"

// Zone is China Standard Time, UTC+8: the zone in which duban counts its
// days ("today", deadlines, a year's report) and shows its times. It is the
// one declaration of that zone in the code; TestZoneDeclaredOnce fails if
// another appears outside the tests.
//
// It is a fixed offset rather than the tz database's Asia/Shanghai: China
// has kept UTC+8 without daylight saving since 1991, so the two agree
// on every instant since, and a fixed zone needs no tzdata — a
// server without /usr/share/zoneinfo (a scratch or distroless image, a
// Windows host) counts the same days without importing time/tzdata, which
// would add some 450 kB to the binary for no change in any result.
var Zone = time.FixedZone("CST", 8*3600)
