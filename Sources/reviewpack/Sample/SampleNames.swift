import Foundation

/// Display names and survey answers: the bits of the sample a reader sees first.
enum SampleNames {
    /// A Chinese company name (城市 + 字号 + 行业 + 有限公司) or, for some small accounts,
    /// a person. A few carry an English name or a former name, so the CSV needs quoting.
    static func customer(tier: Int, region: Int, industry: Int, world: SampleWorld, random r: inout SampleRandom) -> String {
        if tier == 2 && r.chance(0.28) {
            return SampleStory.surnames[r.int(SampleStory.surnames.count)]
                + SampleStory.givenNames[r.int(SampleStory.givenNames.count)]
        }
        let cities = SampleStory.cities[region >= 0 ? region : r.pick(world.regionWeights)]
        let city = cities[r.int(cities.count)]
        let brand = r.int(SampleStory.brands.count)
        let words = SampleStory.industryWords[industry >= 0 ? industry : r.int(SampleStory.industryWords.count)]
        let suffix = tier == 0 && r.chance(0.5) ? "股份有限公司" : r.chance(0.9) ? "有限公司" : "有限责任公司"
        let name = city + SampleStory.brands[brand] + words[r.int(words.count)] + suffix
        let u = r.unit()
        if u < 0.004 { return name + ", " + SampleStory.brandPinyin[brand] + " Co., Ltd." }
        if u < 0.008 { return name + "（原\"" + SampleStory.brands[brand] + "商行\"）" }
        return name
    }

    /// CSAT (1–5) after a ticket: mostly happy, unhappy when the first answer was slow.
    static func csat(responseHours hours: Double, random r: inout SampleRandom) -> Int {
        let mix: [Double]
        if hours > 48 {
            mix = [0.15, 0.35, 0.65, 0.90, 1.0]
        } else if hours > 24 {
            mix = [0.04, 0.12, 0.32, 0.70, 1.0]
        } else {
            mix = [0.02, 0.05, 0.15, 0.50, 1.0]
        }
        return r.pick(mix) + 1
    }
}
