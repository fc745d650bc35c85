/**
 * R's default random numbers, ported for the tests that rebuild other software's test data: `set.seed(seed)`
 * (R's initial scrambling, Mersenne-Twister with R's seeding, src/main/RNG.c), `runif` (MT_genrand with R's fixup),
 * `rnorm` by inversion (R's default: two uniforms, BIG = 2^27, then qnorm, Wichura's AS241, src/nmath/qnorm.c),
 * `rbinom` (src/nmath/rbinom.c: inversion for n p < 30, BTPE otherwise, with the Stirling terms as R computed them
 * before its 2026 fix PR#19049, the R that generated the test values) and `sample(n, 1)` (R >= 3.6 rejection
 * sampling, R_unif_index). Checked: `set.seed(123); rnorm(5)` gives R's -0.56047565, -0.23017749, 1.55870831,
 * 0.07050839, 0.12928774 (test/measures/heat-healthequal.test.ts). Test data only: never used by the library.
 */
export interface RRandom {
  unif(): number;
  norm(): number;
  binom(n: number, p: number): number;
  /** `sample(n, 1)`: a uniform integer 1..n. */
  sampleOne(n: number): number;
}

export function rSetSeed(seed: number): RRandom {
  const N = 624;
  const M = 397;
  const mt = new Uint32Array(N);
  let s = seed | 0;
  for (let j = 0; j < 50; j++) s = (Math.imul(69069, s) + 1) | 0;
  const iseed = new Int32Array(625);
  for (let j = 0; j < 625; j++) {
    s = (Math.imul(69069, s) + 1) | 0;
    iseed[j] = s;
  }
  let mti = 624; // FixupSeeds(initial): dummy[0] = 624
  for (let j = 0; j < N; j++) mt[j] = iseed[j + 1] >>> 0;
  const mag01 = [0, 0x9908b0df];
  const genrand = (): number => {
    let y: number;
    if (mti >= N) {
      let kk: number;
      for (kk = 0; kk < N - M; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ mag01[y & 1];
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ mag01[y & 1];
      }
      y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ mag01[y & 1];
      mti = 0;
    }
    y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return (y >>> 0) * 2.3283064365386963e-10;
  };
  const i2_32m1 = 2.328306437080797e-10;
  const unif = (): number => {
    const v = genrand();
    if (v <= 0) return 0.5 * i2_32m1;
    if (1 - v <= 0) return 1 - 0.5 * i2_32m1;
    return v;
  };
  const norm = (): number => {
    const BIG = 134217728;
    let u = unif();
    u = Math.trunc(BIG * u) + unif();
    return qnorm(u / BIG);
  };
  // rbinom's saved set-up (R keeps it in statics between calls with the same n and p)
  let psave = -1;
  let nsave = -1;
  let m = 0;
  let c = 0;
  let fm = 0;
  let npq = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  let p4 = 0;
  let qn = 0;
  let xl = 0;
  let xll = 0;
  let xlr = 0;
  let xm = 0;
  let xr = 0;
  const binom = (n: number, pp: number): number => {
    const p = Math.min(pp, 1 - pp);
    const q = 1 - p;
    const np = n * p;
    const r = p / q;
    const g = r * (n + 1);
    let ix = 0;
    if (pp !== psave || n !== nsave) {
      psave = pp;
      nsave = n;
      if (np < 30) qn = p > 0.25 ? q ** n : Math.exp(n * Math.log1p(-p));
      else {
        const ffm = np + p;
        m = Math.trunc(ffm);
        fm = m;
        npq = np * q;
        p1 = Math.trunc(2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
        xm = fm + 0.5;
        xl = xm - p1;
        xr = xm + p1;
        c = 0.134 + 20.5 / (15.3 + fm);
        let al = (ffm - xl) / (ffm - xl * p);
        xll = al * (1 + 0.5 * al);
        al = (xr - ffm) / (xr * q);
        xlr = al * (1 + 0.5 * al);
        p2 = p1 * (1 + c + c);
        p3 = p2 + c / xll;
        p4 = p3 + c / xlr;
      }
    }
    if (np < 30) {
      for (;;) {
        ix = 0;
        let f = qn;
        let u = unif();
        let accepted = false;
        for (;;) {
          if (u < f) {
            accepted = true;
            break;
          }
          if (ix > 110) break;
          u -= f;
          ix++;
          f *= g / ix - r;
        }
        if (accepted) break;
      }
    } else {
      for (;;) {
        const u = unif() * p4;
        let v = unif();
        if (u <= p1) {
          ix = Math.trunc(xm - p1 * v + u);
          break;
        }
        if (u <= p2) {
          const x = xl + (u - p1) / c;
          v = v * c + 1 - Math.abs(xm - x) / p1;
          if (v > 1 || v <= 0) continue;
          ix = Math.trunc(x);
        } else if (u > p3) {
          ix = Math.trunc(xr - Math.log(v) / xlr);
          if (ix > n) continue;
          v = v * (u - p3) * xlr;
        } else {
          ix = Math.trunc(xl + Math.log(v) / xll);
          if (ix < 0) continue;
          v = v * (u - p2) * xll;
        }
        const k = Math.abs(ix - m);
        if (k <= 20 || k >= npq / 2 - 1) {
          let f = 1;
          if (m < ix) for (let i = m + 1; i <= ix; i++) f *= g / i - r;
          else if (m !== ix) for (let i = ix + 1; i <= m; i++) f /= g / i - r;
          if (v <= f) break;
        } else {
          const amaxp = (k / npq) * ((k * (k / 3 + 0.625) + 0.1666666666666) / npq + 0.5);
          const ynorm = (-k * k) / (2 * npq);
          const alv = Math.log(v);
          if (alv < ynorm - amaxp) break;
          if (alv <= ynorm + amaxp) {
            const x1 = ix + 1;
            const f1 = fm + 1;
            const z = n + 1 - fm;
            const w = n - ix + 1;
            const [z2, x2, f2, w2] = [z * z, x1 * x1, f1 * f1, w * w];
            const stirling = (t: number, t2: number) => (13860 - (462 - (132 - (99 - 140 / t2) / t2) / t2) / t2) / t / 166320;
            const bound = xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (ix - m) * Math.log((w * p) / (x1 * q)) +
              stirling(f1, f2) + stirling(z, z2) + stirling(x1, x2) + stirling(w, w2);
            if (alv <= bound) break;
          }
        }
      }
    }
    if (psave > 0.5) ix = n - ix;
    return ix;
  };
  const sampleOne = (n: number): number => {
    const bits = Math.ceil(Math.log2(n));
    let dv: number;
    do {
      let v = 0;
      for (let k = 0; k <= bits; k += 16) v = 65536 * v + Math.floor(unif() * 65536);
      dv = v % 2 ** bits;
    } while (n <= dv);
    return dv + 1;
  };
  return { unif, norm, binom, sampleOne };
}

/** Wichura's AS241 (R's qnorm, lower tail), the standard normal quantile of p in (0, 1). */
export function qnorm(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
      13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
      3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    value = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
      0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -value : value;
}
