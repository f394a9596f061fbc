// bench_mem.go: Go twin of bench_mem.c (run with GOMAXPROCS=1): RSS per
// parked goroutine, 100,000 of them started 1,000 at a time; the slope
// between the first and the second 50,000.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func rssBytes() int64 {
	var pages, resident int64
	f, err := os.Open("/proc/self/statm")
	if err != nil {
		return 0
	}
	defer f.Close()
	fmt.Fscan(f, &pages, &resident)
	return resident * int64(os.Getpagesize())
}

func main() {
	const N, BATCH = 100000, 1000
	ready := make(chan struct{}, N)
	gate := make(chan struct{})
	runtime.GC()
	var before int64
	for i := 0; i < N; i += BATCH {
		if i == N/2 {
			before = rssBytes()
		}
		for j := 0; j < BATCH; j++ {
			go func() {
				ready <- struct{}{}
				<-gate
			}()
		}
		for j := 0; j < BATCH; j++ {
			<-ready
		}
	}
	after := rssBytes()
	if runtime.NumGoroutine() != N+1 {
		fmt.Printf("FAIL: %d goroutines\n", runtime.NumGoroutine())
	}
	fmt.Printf("bench mem_parked %.0f bytes/goroutine\n", float64(after-before)/(N/2))
	close(gate)
}
