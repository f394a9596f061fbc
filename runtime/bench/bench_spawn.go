// bench_spawn.go: Go twin of bench_spawn.c (run with GOMAXPROCS=1).
// spawn: a chain, each goroutine starting the next and exiting;
// spawn_batch1000: 1,000 goroutines started, then joined.
package main

import (
	"fmt"
	"sync"
	"time"
)

func chain(n int, done chan bool) {
	if n == 0 {
		done <- true
		return
	}
	go chain(n-1, done)
}

func main() {
	const N, BATCH = 1000000, 1000
	done := make(chan bool)
	best := 1e300
	for round := 0; round < 3; round++ {
		t0 := time.Now()
		go chain(N, done)
		<-done
		t := float64(time.Since(t0).Nanoseconds()) / N
		if t < best {
			best = t
		}
	}
	fmt.Printf("bench spawn %.1f ns/goroutine\n", best)

	var wg sync.WaitGroup
	best = 1e300
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
	fmt.Printf("bench spawn_batch1000 %.1f ns/goroutine\n", best)
}
