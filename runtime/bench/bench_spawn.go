// bench_spawn.go: Go twin of bench_spawn.c (run with GOMAXPROCS=1).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const N, BATCH = 1000000, 1000
	var wg sync.WaitGroup
	best := 1e300
	for round := 0; round < 3; round++ {
		t0 := time.Now()
		for i := 0; i < N; i += BATCH {
			wg.Add(BATCH)
			for j := 0; j < BATCH; j++ {
				go func() { wg.Done() }()
			}
			wg.Wait()
		}
		t := float64(time.Since(t0).Nanoseconds()) / N
		if t < best {
			best = t
		}
	}
	fmt.Printf("bench spawn %.1f ns/goroutine\n", best)
}
