-- dim_listings: the listings the stock sources carry, with exchange, trading currency, exchange
-- time zone (a launch on a non-trading day moves to that exchange's next session) and the market
-- benchmark used for abnormal returns: SPY (S&P 500 ETF) for U.S. listings, the Hang Seng index for
-- Hong Kong listings. Exchanges of U, RBLX, TTWO and APP as in market_moves_reported.csv; GOOGL as
-- in Alphabet's results release (NASDAQ); the others from the Yahoo symbol (".HK" = HKEX) and the
-- stocks README. company_country_code = headquarters country where labs.csv or the README says it;
-- NULL (unknown) otherwise.
select * from (values
    ('U', 'U', 'Unity Software', 'stock', 'NYSE', 'USD', 'America/New_York', 'US', 'SPY'),
    ('RBLX', 'RBLX', 'Roblox', 'stock', 'NYSE', 'USD', 'America/New_York', 'US', 'SPY'),
    ('TTWO', 'TTWO', 'Take-Two Interactive', 'stock', 'NASDAQ', 'USD', 'America/New_York', 'US', 'SPY'),
    ('APP', 'APP', 'AppLovin', 'stock', 'NASDAQ', 'USD', 'America/New_York', 'US', 'SPY'),
    ('GOOGL', 'GOOGL', 'Alphabet (class A)', 'stock', 'NASDAQ', 'USD', 'America/New_York', 'US', 'SPY'),
    ('ADBE', 'ADBE', 'Adobe', 'stock', 'NASDAQ', 'USD', 'America/New_York', cast(null as varchar), 'SPY'),
    ('EA', 'EA', 'Electronic Arts', 'stock', 'NASDAQ', 'USD', 'America/New_York', null, 'SPY'),
    ('BIDU', 'BIDU', 'Baidu (ADS)', 'stock', 'NASDAQ', 'USD', 'America/New_York', null, 'SPY'),
    ('KC', 'KC', 'Kingsoft Cloud (ADS)', 'stock', 'NASDAQ', 'USD', 'America/New_York', null, 'SPY'),
    ('PDD', 'PDD', 'PDD Holdings (ADS)', 'stock', 'NASDAQ', 'USD', 'America/New_York', null, 'SPY'),
    ('JD', 'JD', 'JD.com (ADS)', 'stock', 'NASDAQ', 'USD', 'America/New_York', null, 'SPY'),
    ('NTES', 'NTES', 'NetEase (ADS)', 'stock', 'NASDAQ', 'USD', 'America/New_York', null, 'SPY'),
    ('SPY', 'SPY', 'SPDR S&P 500 ETF Trust', 'etf', 'NYSE Arca', 'USD', 'America/New_York', null, cast(null as varchar)),
    ('1024.HK', '1024.HK', 'Kuaishou Technology', 'stock', 'HKEX', 'HKD', 'Asia/Hong_Kong', 'CN', 'HSI'),
    ('0700.HK', '0700.HK', 'Tencent Holdings', 'stock', 'HKEX', 'HKD', 'Asia/Hong_Kong', 'CN', 'HSI'),
    ('9988.HK', '9988.HK', 'Alibaba Group', 'stock', 'HKEX', 'HKD', 'Asia/Hong_Kong', 'CN', 'HSI'),
    ('HSI', '^HSI', 'Hang Seng Index', 'index', 'HKEX', 'HKD', 'Asia/Hong_Kong', null, null)
) as t(ticker, yahoo_symbol, listing_name, listing_kind, exchange, currency, exchange_timezone,
       company_country_code, benchmark_ticker)
