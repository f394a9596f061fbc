// bench_pingpong.go: Go twin of bench_pingpong.c (run with GOMAXPROCS=1).
package main

import (
	"fmt"
	"time"
)

func main() {
	const N = 1000000
	ping, back := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			back <- v
		}
	}()
	best := 1e300
	for round := 0; round < 3; round++ {
		t0 := time.Now()
		for i := 0; i < N; i++ {
			ping <- i
			<-back
		}
		t := float64(time.Since(t0).Nanoseconds()) / N
		if t < best {
			best = t
		}
	}
	close(ping)
	fmt.Printf("bench pingpong %.1f ns/roundtrip\n", best)
}
