package foia

// The information processing fees of 国办函〔2020〕109号 (《政府信息公开信息
// 处理费管理办法》). An agency charges by count or by volume, not both, and
// only when an applicant's requests pass what is free.

// FeeByCount is the fee for an applicant's n-th request in a calendar
// month (按件计收): the first 10 are free, the 11th to the 30th cost 100
// yuan each, and from the 31st the fee rises by 100 yuan for every 10 more
// (the 31st–40th 200 yuan, the 41st–50th 300 yuan, …).
func FeeByCount(n int) int {
	switch {
	case n <= 10:
		return 0
	case n <= 30:
		return 100
	}
	return 100 * (2 + (n-31)/10)
}

// FeeByPages is the fee for one request's volume in pages (按量计收): 30
// pages are free; pages 31–100 cost 10 yuan each, 101–200 20 yuan, and
// every page past 200 40 yuan.
func FeeByPages(pages int) int {
	band := func(lo, hi, price int) int {
		if pages <= lo {
			return 0
		}
		return (min(pages, hi) - lo) * price
	}
	return band(30, 100, 10) + band(100, 200, 20) + band(200, 1<<30, 40)
}
