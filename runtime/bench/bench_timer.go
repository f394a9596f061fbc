// bench_timer.go: Go's side of bench_timer.c.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	n := 1000000
	ts := make([]*time.Timer, n)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		ts[i] = time.AfterFunc(time.Hour+time.Duration(i*7919%n), func() {})
	}
	fmt.Printf("bench TimerStart1M %.1f ns/op\n", float64(time.Since(t0).Nanoseconds())/float64(n))
	t0 = time.Now()
	for i := 0; i < n; i++ {
		ts[i].Stop()
	}
	fmt.Printf("bench TimerStop1M %.1f ns/op\n", float64(time.Since(t0).Nanoseconds())/float64(n))
	t0 = time.Now()
	for i := 0; i < n; i++ {
		ts[i].Reset(time.Duration(i%1000) * time.Microsecond)
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Printf("bench TimerResetFire1M %.1f ns/op\n", float64(time.Since(t0).Nanoseconds())/float64(n))
}
