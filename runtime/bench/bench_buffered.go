// bench_buffered.go: Go twin of bench_buffered.c (run with GOMAXPROCS=1).
package main

import (
	"fmt"
	"time"
)

const N = 4000000

func main() {
	best := 1e300
	sum := 0
	for round := 0; round < 3; round++ {
		c := make(chan int, 128)
		t0 := time.Now()
		go func() {
			for i := 0; i < N; i++ {
				c <- i
			}
		}()
		for i := 0; i < N; i++ {
			sum += <-c
		}
		t := float64(time.Since(t0).Nanoseconds()) / N
		if t < best {
			best = t
		}
	}
	if sum != 3*(N*(N-1)/2) {
		fmt.Printf("FAIL: sum %d\n", sum)
	}
	fmt.Printf("bench buffered %.1f ns/element\n", best)
}
