"""Reference numbers for the Trends tests, computed independently of the C# code and of MathNet.

Run with `python3 reference_values.py` (needs only mpmath). Everything is evaluated at 40 significant digits
with textbook formulas: the weighted fit as beta = (X'WX)^-1 X'Wy, Welch's t by its definition, the Student t
tail through the regularized incomplete beta, the normal tail through erfc.
"""
from mpmath import mp, mpf, matrix, sqrt, betainc, findroot, erfc, erfinv, inverse

mp.dps = 40


def t_two_sided(t, df):
    t, df = mpf(t), mpf(df)
    return betainc(df / 2, mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def t_quantile(p, df):
    return findroot(lambda q: 1 - t_two_sided(q, df) / 2 - p, mpf(2))


def z_quantile(p):
    return sqrt(2) * erfinv(2 * mpf(p) - 1)


def z_two_sided(z):
    return erfc(abs(mpf(z)) / sqrt(2))


def show(name, values):
    print(name)
    for key, value in values.items():
        print(f"   {key} = {mp.nstr(value, 17)}")


def trend(xs, ys, ws, alpha=0.05):
    n = len(xs)
    total = sum(mpf(w) for w in ws)
    ws = [mpf(w) * n / total for w in ws]
    X = matrix([[1, mpf(x)] for x in xs])
    W = matrix(n, n)
    for i in range(n):
        W[i, i] = ws[i]
    Y = matrix([mpf(y) for y in ys])
    beta = inverse(X.T * W * X) * X.T * W * Y
    r = Y - X * beta
    scale = sum(ws[i] * r[i] ** 2 for i in range(n)) / (n - 2)
    se = sqrt((inverse(X.T * W * X) * scale)[1, 1])
    q = t_quantile(1 - mpf(alpha) / 2, n - 2)
    slope = beta[1]
    return dict(slope=slope, intercept=beta[0], se=se, low=slope - q * se, high=slope + q * se,
                p=t_two_sided(slope / se, n - 2), t_quantile=q)


def moments(n, s, q):
    n, s, q = mpf(n), mpf(s), mpf(q)
    return n, s / n, (q - s * s / n) / (n - 1)


def scan(periods, min_per_side):
    """Every split of the periods with events, Welch's t after minus before, Bonferroni over the splits."""
    active = [p for p in periods if p[0] > 0]
    splits = []
    for k in range(min_per_side, len(active) - min_per_side + 1):
        nb, mb, vb = moments(*[sum(mpf(p[i]) for p in active[:k]) for i in range(3)])
        na, ma, va = moments(*[sum(mpf(p[i]) for p in active[k:]) for i in range(3)])
        eb, ea = vb / nb, va / na
        t = (ma - mb) / sqrt(eb + ea)
        df = (eb + ea) ** 2 / (eb ** 2 / (nb - 1) + ea ** 2 / (na - 1))
        p = t_two_sided(t, df)
        print(f"   k={k} t={mp.nstr(t, 12)} df={mp.nstr(df, 12)} p={mp.nstr(p, 12)}")
        splits.append(dict(k=k, t=t, p=p, mean_before=mb, mean_after=ma, n_before=nb, n_after=na))
    best = max(splits, key=lambda s: abs(s["t"]))
    best["corrected_p"] = min(1, best["p"] * len(splits))
    show(f"   best of {len(splits)}", best)


def estimate(difference, se, alpha):
    q = z_quantile(1 - mpf(alpha) / 2)
    return dict(difference=difference, se=se, low=difference - q * se, high=difference + q * se,
                p=z_two_sided(difference / se))


def compare(strata, alpha=0.05):
    """strata: (name, AiN, AiSum, AiSumSq, HumanN, HumanSum, HumanSumSq)."""
    na, ma, va = moments(*[sum(mpf(s[i]) for s in strata) for i in (1, 2, 3)])
    nh, mh, vh = moments(*[sum(mpf(s[i]) for s in strata) for i in (4, 5, 6)])
    show("   raw", estimate(ma - mh, sqrt(va / na + vh / nh), alpha))
    usable = [s for s in strata if s[1] >= 2 and s[4] >= 2]
    total = sum(s[1] + s[4] for s in usable)
    difference = variance = 0
    for s in usable:
        w = mpf(s[1] + s[4]) / total
        na, ma, va = moments(s[1], s[2], s[3])
        nh, mh, vh = moments(s[4], s[5], s[6])
        difference += w * (ma - mh)
        variance += w * w * (va / na + vh / nh)
    show("   stratified", estimate(difference, sqrt(variance), alpha))


print("== TrendSlopeTests")
rising = ([0, 1, 2, 3, 4, 5], [2.0, 2.9, 4.2, 4.8, 6.1, 7.0])
show("rising", trend(*rising, [1] * 6))
show("rising, alpha 0.01", trend(*rising, [1] * 6, alpha=0.01))
weekly = ([0, 1, 2, 3, 4], [0.10, 0.12, 0.11, 0.15, 0.16])
show("weekly exception rate, weighted", trend(*weekly, [10, 40, 20, 30, 50]))
show("weekly exception rate, unweighted", trend(*weekly, [1] * 5))
show("noise", trend([0, 1, 2, 3, 4, 5], [1, 3, 2, 1, 3, 2], [1] * 6))

print("== LevelShiftTests")
print("exception rate step (100 events a week, SumOfSquares = Sum)")
scan([(100, s, s) for s in [20, 22, 18, 21, 19, 40, 38, 42, 41, 39]], 4)
print("steady exception rate")
scan([(100, s, s) for s in [20, 22, 18, 21, 19, 20, 22, 18, 21, 19]], 4)
print("handling minutes, 3 weeks a side")
scan([(30, '300', '3261'), (30, '312', '3505.8'), (30, '294', '3142.2'), (30, '306', '3382.2'),
      (30, '303', '3321.3'), (30, '333', '3957.3'), (30, '327', '3825.3'), (30, '339', '4091.7'),
      (30, '321', '3695.7'), (30, '330', '3891')], 3)

print("== StratifiedDifferenceTests")
print("AI gets the easy cases")
compare([("low", 80, 72, 72, 20, 18, 18), ("high", 20, 10, 10, 80, 40, 40)])
print("handling minutes, alpha 0.10")
compare([("low", 120, 540, 2790, 40, 200, 1160), ("medium", 60, 480, 4380, 60, 510, 4830),
         ("high", 10, 150, 2550, 90, 1440, 25200), ("expert", 1, 30, 900, 12, 420, 15000)], 0.10)
