import Foundation

/// The company behind the sample: 示例科技, a mid-size Chinese SaaS vendor selling to
/// businesses and some individuals. Every number that shapes the data lives here, so
/// the story can be read (and tuned) in one place.
enum SampleStory {
    // MARK: Channels

    static let channels = ["官网", "线下活动", "社交媒体", "转介绍", "搜索广告"]
    /// Share of all leads per channel: social and search bring volume.
    static let leadMix: [Double] = [0.22, 0.11, 0.32, 0.06, 0.29]
    /// Channel mix of customers won from leads: referrals punch above their volume.
    static let wonMix: [Double] = [0.22, 0.15, 0.13, 0.20, 0.30]
    /// Channel mix of self-serve sign-ups (no lead; website, social, search).
    static let selfServeMix: [Double] = [0.50, 0.00, 0.28, 0.02, 0.20]
    /// Share of customers who came through a won lead.
    static let leadSourcedShare = 0.72
    /// Leads created per customer over the period.
    static let leadsPerCustomer = 4.2
    /// Chance a lead that will not be won still gets qualified, per channel.
    static let qualifyChance: [Double] = [0.35, 0.45, 0.20, 0.55, 0.30]
    /// Median hours to first contact, per channel (referrals get called fastest).
    static let responseMedianHours: [Double] = [5, 4, 8, 2.5, 5]
    /// Cost per lead in yuan, per channel: search and events are expensive, referrals cheap.
    static let costPerLead: [Double] = [120, 650, 70, 90, 320]
    /// Daily visits per expected lead, for the channels that have web traffic.
    static let visitsPerLead: [Double] = [600, 0, 900, 0, 350]
    static let trafficChannels = [0, 2, 4]

    // MARK: Campaigns

    /// Campaign names that do not depend on the year (codes 0 ..< 13).
    static let campaignNames = ["官网试用", "产品白皮书下载", "春季新品", "城市沙龙", "春季新品发布会", "客户开放日",
                                "抖音直播", "小红书种草", "微信公众号", "老客推荐", "合作伙伴推荐", "百度品牌词", "百度通用词"]
    /// Yearly campaigns: code = 13 + 3 × (year − first year of the period) + index.
    static let yearlyCampaigns = ["双11", "618年中大促", "行业峰会"]

    /// Campaign name of a code (see `campaign`), e.g. "2026双11".
    static func campaignName(code: Int, firstYear: Int) -> String {
        if code < campaignNames.count { return campaignNames[code] }
        let k = code - campaignNames.count
        return String(firstYear + k / 3) + yearlyCampaigns[k % 3]
    }

    /// Campaign code for a lead of `channel` created on `day`; −1 for an untagged lead.
    static func campaign(channel: Int, day: Int, firstYear: Int, random: inout SampleRandom) -> Int {
        let (y, m, d) = SampleCivil.date(days: day)
        let yearly = campaignNames.count + 3 * (y - firstYear)
        let double11 = (m == 10 && d >= 20) || (m == 11 && d <= 15)
        if random.chance(0.03) { return -1 }
        switch channel {
        case 0:
            if double11 && random.chance(0.6) { return yearly }
            if (m == 3 || m == 4) && random.chance(0.5) { return 2 }
            if m == 6 && d <= 18 && random.chance(0.5) { return yearly + 1 }
            return random.chance(0.7) ? 0 : 1
        case 1:
            if m >= 9 && m <= 11 { return random.chance(0.7) ? yearly + 2 : 3 }
            if m == 3 || m == 4 { return random.chance(0.6) ? 4 : 3 }
            return random.chance(0.5) ? 3 : 5
        case 2:
            if double11 && random.chance(0.7) { return yearly }
            return 6 + random.int(3)
        case 3:
            return random.chance(0.75) ? 9 : 10
        default:
            if double11 && random.chance(0.6) { return yearly }
            return random.chance(0.55) ? 11 : 12
        }
    }

    // MARK: Customers

    static let regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"]
    static let regionWeights: [Double] = [32, 22, 18, 10, 9, 5, 4]
    static let cities: [[String]] = [
        ["上海", "杭州", "南京", "苏州", "宁波", "合肥", "福州", "厦门", "济南", "青岛", "无锡"],
        ["广州", "深圳", "东莞", "佛山", "南宁", "海口", "珠海"],
        ["北京", "天津", "石家庄", "太原", "呼和浩特", "保定"],
        ["武汉", "长沙", "郑州", "南昌", "宜昌"],
        ["成都", "重庆", "昆明", "贵阳", "绵阳"],
        ["西安", "兰州", "银川", "乌鲁木齐", "西宁"],
        ["沈阳", "大连", "长春", "哈尔滨"],
    ]
    static let industries = ["零售", "制造", "教育", "医疗", "金融", "互联网", "物流"]
    static let industryWeights: [Double] = [22, 20, 12, 9, 8, 18, 11]
    /// The business words of company names, per industry.
    static let industryWords: [[String]] = [
        ["贸易", "商贸", "百货", "电子商务", "连锁超市"],
        ["机械", "电子", "精密制造", "新材料", "汽车零部件"],
        ["教育科技", "培训", "文化传播"],
        ["医疗器械", "健康科技", "医药"],
        ["投资管理", "融资租赁", "保险代理"],
        ["网络科技", "信息技术", "软件", "数据科技"],
        ["物流", "供应链管理", "货运代理"],
    ]
    /// Trade names (字号) with their pinyin for the occasional bilingual name.
    static let brands = ["云帆", "星辰", "华信", "恒通", "博远", "金鼎", "瑞丰", "启明", "嘉禾", "天弘",
                         "鼎盛", "新锐", "安泰", "宏图", "卓越", "明德", "海纳", "青松", "致远", "盛世",
                         "联创", "汇智", "润泽", "凯旋", "远航", "德信", "锦程", "优品", "蓝海", "飞腾",
                         "科达", "永盛", "佳禾", "春晖", "腾跃", "信诚", "鸿运", "同创", "万象", "和盛"]
    static let brandPinyin = ["Yunfan", "Xingchen", "Huaxin", "Hengtong", "Boyuan", "Jinding", "Ruifeng", "Qiming", "Jiahe", "Tianhong",
                              "Dingsheng", "Xinrui", "Antai", "Hongtu", "Zhuoyue", "Mingde", "Haina", "Qingsong", "Zhiyuan", "Shengshi",
                              "Lianchuang", "Huizhi", "Runze", "Kaixuan", "Yuanhang", "Dexin", "Jincheng", "Youpin", "Lanhai", "Feiteng",
                              "Keda", "Yongsheng", "Jiahe", "Chunhui", "Tengyue", "Xincheng", "Hongyun", "Tongchuang", "Wanxiang", "Hesheng"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "欧阳"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
                             "秀英", "霞", "平", "刚", "桂英", "浩然", "子涵", "欣怡", "宇轩", "梓萱", "俊杰", "思远", "雨桐", "晓东"]

    static let tiers = ["战略", "重点", "普通"]
    /// Tier mix per channel (events and referrals bring bigger accounts), and for self-serve.
    static let tierMix: [[Double]] = [
        [0.03, 0.15, 0.82], [0.07, 0.28, 0.65], [0.01, 0.09, 0.90], [0.05, 0.25, 0.70], [0.03, 0.16, 0.81],
    ]
    static let selfServeTierMix: [Double] = [0.0, 0.04, 0.96]

    /// The sales team; the first reps carry more accounts.
    static let reps = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "孙浩", "徐丽"]
    static let repWeights: [Double] = [1.3, 1.2, 1.1, 1.0, 1.0, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7, 0.6]

    // MARK: Products and orders

    static let products = ["基础版", "专业版", "企业版", "增值服务", "培训服务"]
    /// Median list price in yuan per product and tier (战略, 重点, 普通), and its spread.
    static let priceMedian: [[Double]] = [
        [2980, 1980, 1280], [12800, 8800, 6800], [46800, 36800, 29800], [9800, 2400, 480], [16800, 4800, 1800],
    ]
    static let priceSigma: [Double] = [0.45, 0.35, 0.4, 0.6, 0.4]
    /// Gross margin per product: software is cheap to deliver, training is not.
    static let margin: [Double] = [0.70, 0.66, 0.60, 0.72, 0.38]
    /// Product mix of repeat orders per tier.
    static let productMix: [[Double]] = [
        [0.00, 0.08, 0.50, 0.26, 0.16], [0.08, 0.52, 0.02, 0.28, 0.10], [0.62, 0.06, 0.00, 0.26, 0.06],
    ]
    /// The product of the first (won) deal per tier.
    static let firstProduct = [2, 1, 0]
    /// Repeat purchases per active day per tier.
    static let orderRate: [Double] = [1.0 / 22, 1.0 / 40, 1.0 / 70]
    static let refundShare = 0.035
    static let cancelShare = 0.01

    // MARK: Behaviour

    static let activityTypes = ["login", "visit", "call", "email", "meeting"]
    /// Activity mix per tier: big accounts get more sales touches.
    static let activityMix: [[Double]] = [
        [0.40, 0.15, 0.18, 0.15, 0.12], [0.50, 0.17, 0.14, 0.13, 0.06], [0.58, 0.20, 0.10, 0.09, 0.03],
    ]
    /// Median days between activities per tier (gaps stay well under 30 days while active).
    static let activityGapMedian: [Double] = [5, 9, 13]
    /// Monthly hazard of going silent by tenure month: high at first, low for loyal customers.
    static func churnHazard(tenureMonth k: Int) -> Double {
        switch k {
        case 0: return 0.17
        case 1: return 0.09
        case 2: return 0.065
        case 3...5: return 0.042
        case 6...11: return 0.028
        default: return 0.019
        }
    }
    static let winBackChance = [0.30, 0.15, 0.08]

    static let ticketKinds = ["question", "故障", "需求", "complaint"]
    static let ticketKindWeights: [Double] = [45, 25, 18, 12]
    /// Tickets per active day per tier.
    static let ticketRate: [Double] = [1.0 / 60, 1.0 / 150, 1.0 / 400]

    /// Hour-of-day weights for business events (peaks late morning and mid afternoon).
    static let hourWeights: [Double] = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.6, 3.0, 2.8,
                                        1.8, 2.2, 2.8, 2.9, 2.6, 2.0, 1.4, 1.3, 1.5, 1.4, 1.0, 0.5]

    // MARK: Seasonality

    /// Spring Festival (农历新年) days; the weeks around them are quiet.
    static let springFestivals: [(Int, Int, Int)] = [
        (2018, 2, 16), (2019, 2, 5), (2020, 1, 25), (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10),
        (2025, 1, 29), (2026, 2, 17), (2027, 2, 6), (2028, 1, 26), (2029, 2, 13), (2030, 2, 3), (2031, 1, 23),
    ]

    /// Multiplier for the days around Spring Festival (1 outside).
    static func festivalFactor(day: Int, festivals: [Int]) -> Double {
        for f in festivals {
            let k = day - f
            switch k {
            case -12 ... -5: return 0.75
            case -4 ... 6: return 0.25
            case 7...14: return 0.6
            case 15...21: return 0.85
            default: continue
            }
        }
        return 1
    }

    /// Relative sign-up / lead demand on a day: growth, weekends, Double 11,
    /// National Day, 618 and Spring Festival.
    static func demand(day: Int, progress: Double, festivals: [Int]) -> Double {
        let (_, m, d) = SampleCivil.date(days: day)
        var w = 1 + 0.35 * progress
        if SampleCivil.weekday(days: day) >= 5 { w *= 0.6 }
        if m == 11 {
            w *= d <= 10 ? 1.4 + 0.12 * Double(d) : d == 11 ? 3.0 : 1.3
        } else if m == 10 {
            w *= d <= 7 ? 0.45 : d >= 20 ? 1.25 : 1
        } else if m == 6 && d <= 18 {
            w *= 1.15
        } else if m == 12 {
            w *= 1.1
        }
        return w * festivalFactor(day: day, festivals: festivals)
    }

    /// Relative order propensity on a day: a stronger Double 11 and 618 than sign-ups.
    static func orderBoost(day: Int, festivals: [Int]) -> Double {
        let (_, m, d) = SampleCivil.date(days: day)
        var w = SampleCivil.weekday(days: day) >= 5 ? 0.8 : 1.0
        if m == 11 {
            w *= d <= 10 ? 1.6 + 0.15 * Double(d) : d == 11 ? 5.0 : d <= 15 ? 1.6 : 1.2
        } else if m == 10 {
            w *= d <= 7 ? 0.6 : d >= 20 ? 1.2 : 1
        } else if m == 6 && d <= 18 {
            w *= 1.3
        }
        let f = festivalFactor(day: day, festivals: festivals)
        return w * (f < 1 ? max(0.3, f) : 1)
    }
}
