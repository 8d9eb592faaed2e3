// Package fault is the one coded error that duban's services and store
// return, and the one table (Status) that turns it into an HTTP answer.
package fault
