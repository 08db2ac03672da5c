// Date and place vetoes by id for the pair loop: the same answers as constraintsCompatible and placesCompatible,
// from numbers computed once per distinct value, so that comparing two mentions allocates nothing.
import { DateConstraint, parseTimex } from '../text/datecompat';
import { placesCompatible } from './places';
import { PairMemo } from './work';

const DAY_MS = 86400000;

/**
 * The constraint of each date value (by id) as columns: day range (NaN when the year is unknown), month, day
 * and weekday (0 when not said), and for a single known day its month, day and weekday.
 */
export class DateFits {
  private readonly from: Float64Array;
  private readonly to: Float64Array;
  private readonly month: Uint8Array;
  private readonly day: Uint8Array;
  private readonly weekday: Uint8Array;
  private readonly exactMonth: Uint8Array;
  private readonly exactDay: Uint8Array;
  private readonly exactWeekday: Uint8Array;

  constructor(values: string[]) {
    const n = values.length;
    this.from = new Float64Array(n).fill(NaN);
    this.to = new Float64Array(n).fill(NaN);
    [this.month, this.day, this.weekday] = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
    [this.exactMonth, this.exactDay, this.exactWeekday] = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
    values.forEach((v, i) => this.set(i, parseTimex(v)));
  }

  private set(i: number, c: DateConstraint | null): void {
    if (!c) return;
    if (c.from !== undefined) [this.from[i], this.to[i]] = [c.from, c.to!];
    this.month[i] = c.month ?? 0;
    this.day[i] = c.day ?? 0;
    this.weekday[i] = c.weekday ?? 0;
    if (c.from !== undefined && c.from === c.to) {
      const d = new Date(c.from * DAY_MS);
      this.exactMonth[i] = d.getUTCMonth() + 1;
      this.exactDay[i] = d.getUTCDate();
      this.exactWeekday[i] = ((d.getUTCDay() + 6) % 7) + 1;
    }
  }

  /** A single known day `p` fits what `q` says of its month, day and weekday. */
  private exactFits(p: number, q: number): boolean {
    if (!this.exactMonth[p]) return true;
    if (this.weekday[q] && this.exactWeekday[p] !== this.weekday[q]) return false;
    if (this.month[q] && this.month[q] !== this.exactMonth[p]) return false;
    return !this.day[q] || this.day[q] === this.exactDay[p];
  }

  /** constraintsCompatible of the two values' constraints (both usable: parseTimex not null). */
  fits(a: number, b: number): boolean {
    if (this.to[a] < this.from[b] || this.to[b] < this.from[a]) return false;
    if (!this.exactFits(a, b) || !this.exactFits(b, a)) return false;
    if (this.month[a] && this.month[b] && this.month[a] !== this.month[b]) return false;
    if (this.day[a] && this.day[b] && this.day[a] !== this.day[b]) return false;
    return !(this.weekday[a] && this.weekday[b] && this.weekday[a] !== this.weekday[b]);
  }
}

/**
 * placesCompatible by place id, memoised: a dense table while the folder names few places (most do), a bounded
 * memo beyond that.
 */
export class PlaceFits {
  private readonly dense: Int8Array | null;
  private readonly memo: PairMemo | null;
  private readonly once = (p: number, q: number): number => (placesCompatible(this.names[p], this.names[q]) ? 1 : 0);

  constructor(private readonly names: string[]) {
    const n = names.length;
    this.dense = n <= 2048 ? new Int8Array(n * n).fill(-1) : null;
    this.memo = this.dense ? null : new PairMemo(20);
  }

  fits(p: number, q: number): boolean {
    if (p > q) [p, q] = [q, p];
    if (!this.dense) return this.memo!.get(p, q, this.once) === 1;
    const k = p * this.names.length + q;
    if (this.dense[k] < 0) this.dense[k] = this.once(p, q);
    return this.dense[k] === 1;
  }
}
