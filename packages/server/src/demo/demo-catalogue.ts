// A small shop's range across the categories after-sales work differs by: sized fashion (fit
// returns, exchanges), electronics (defects, repairs), home (breakage), beauty (hygiene rules),
// toys. Titles are in each store's own language; prices are set in euros and converted per market
// with local price endings, as a seller would.

/** The languages product titles exist in. */
export type TitleLanguage = 'de' | 'en' | 'zh-CN';

/** One catalogue entry; variants are drawn from its sizes and colours. */
export interface DemoProduct {
  sku: string;
  category: string;
  titles: Record<TitleLanguage, string>;
  priceEurMinor: number;
  sizes?: 'shoes' | 'apparel';
  colours?: readonly ColourKey[];
  /** At most this many units of the product in one line. */
  maxQuantity: number;
}

type ColourKey = 'black' | 'white' | 'blue' | 'red' | 'grey' | 'beige' | 'pink';

/** Colour names by title language. */
export const COLOURS: Record<ColourKey, Record<TitleLanguage, string>> = {
  black: { de: 'Schwarz', en: 'Black', 'zh-CN': '黑色' },
  white: { de: 'Weiß', en: 'White', 'zh-CN': '白色' },
  blue: { de: 'Blau', en: 'Blue', 'zh-CN': '蓝色' },
  red: { de: 'Rot', en: 'Red', 'zh-CN': '红色' },
  grey: { de: 'Grau', en: 'Grey', 'zh-CN': '灰色' },
  beige: { de: 'Beige', en: 'Beige', 'zh-CN': '米色' },
  pink: { de: 'Rosa', en: 'Pink', 'zh-CN': '粉色' },
};

/** Colour codes as they appear in variant SKUs (SHOE-RUN-AERO-BLK-42). */
export const COLOUR_CODES: Record<ColourKey, string> = {
  black: 'BLK',
  white: 'WHT',
  blue: 'BLU',
  red: 'RED',
  grey: 'GRY',
  beige: 'BGE',
  pink: 'PNK',
};

/** Apparel sizes are the same letters everywhere; shoe sizes come from the market. */
export const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;

const p = (
  sku: string,
  category: string,
  de: string,
  en: string,
  zh: string,
  priceEurMinor: number,
  extra: Partial<DemoProduct> = {},
): DemoProduct => ({
  sku,
  category,
  titles: { de, en, 'zh-CN': zh },
  priceEurMinor,
  maxQuantity: 1,
  ...extra,
});

/** The demo catalogue. */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  p('SHOE-RUN-AERO', 'fashion_shoes', 'Laufschuh Aero', 'Aero Running Shoe', 'Aero 轻量跑鞋', 8995, {
    sizes: 'shoes',
    colours: ['black', 'white', 'blue'],
  }),
  p(
    'SHOE-SNK-CLASSIC',
    'fashion_shoes',
    'Sneaker Classic Leder',
    'Classic Leather Sneaker',
    '经典真皮休闲鞋',
    7495,
    { sizes: 'shoes', colours: ['white', 'black'] },
  ),
  p(
    'SHOE-BOOT-CHELSEA',
    'fashion_shoes',
    'Chelsea-Boots Wildleder',
    'Suede Chelsea Boots',
    '麂皮切尔西靴',
    11900,
    { sizes: 'shoes', colours: ['beige', 'black'] },
  ),
  p(
    'APP-TEE-ORGANIC',
    'fashion_apparel',
    'T-Shirt aus Bio-Baumwolle',
    'Organic Cotton T-Shirt',
    '有机棉T恤',
    1995,
    { sizes: 'apparel', colours: ['white', 'black', 'grey', 'blue'], maxQuantity: 3 },
  ),
  p(
    'APP-JACKET-RAIN',
    'fashion_apparel',
    'Regenjacke Nordwind',
    'Nordwind Rain Jacket',
    '北风防水夹克',
    12900,
    { sizes: 'apparel', colours: ['blue', 'red', 'black'] },
  ),
  p('APP-JEANS-SLIM', 'fashion_apparel', 'Slim-Fit-Jeans', 'Slim Fit Jeans', '修身牛仔裤', 5995, {
    sizes: 'apparel',
    colours: ['blue', 'black'],
  }),
  p('EL-EARBUDS-X2', 'electronics', 'Kabellose Ohrhörer X2', 'X2 Wireless Earbuds', 'X2 无线蓝牙耳机', 7900, {
    colours: ['black', 'white'],
  }),
  p(
    'EL-SPEAKER-MINI',
    'electronics',
    'Bluetooth-Lautsprecher Mini',
    'Mini Bluetooth Speaker',
    '迷你蓝牙音箱',
    3990,
    { colours: ['grey', 'red'] },
  ),
  p(
    'EL-CHARGER-65W',
    'electronics',
    'USB-C-Ladegerät 65 W',
    '65 W USB-C Charger',
    '65W USB-C 快速充电器',
    3499,
    { maxQuantity: 2 },
  ),
  p(
    'EL-WATCH-PULSE',
    'electronics',
    'Fitness-Smartwatch Pulse',
    'Pulse Fitness Smartwatch',
    'Pulse 智能运动手表',
    14900,
    { colours: ['black', 'pink'] },
  ),
  p(
    'HOME-MUG-SET',
    'home',
    'Keramik-Tassenset, 4 Stück',
    'Ceramic Mug Set, 4 pcs',
    '陶瓷马克杯四件套',
    2990,
    { colours: ['white', 'grey'], maxQuantity: 2 },
  ),
  p('HOME-LAMP-DESK', 'home', 'LED-Schreibtischlampe', 'LED Desk Lamp', 'LED 护眼台灯', 4500, {
    colours: ['white', 'black'],
  }),
  p(
    'HOME-DUVET-SET',
    'home',
    'Bettwäsche-Set Baumwolle 135×200',
    'Cotton Duvet Cover Set',
    '纯棉床品四件套',
    6900,
    { colours: ['white', 'beige', 'grey'] },
  ),
  p('BEA-SERUM-C', 'beauty', 'Vitamin-C-Serum 30 ml', 'Vitamin C Serum 30 ml', '维C精华液 30ml', 2490, {
    maxQuantity: 3,
  }),
  p(
    'BEA-CREAM-HYDRA',
    'beauty',
    'Feuchtigkeitscreme 50 ml',
    'Hydrating Face Cream 50 ml',
    '保湿面霜 50ml',
    1850,
    { maxQuantity: 3 },
  ),
  p(
    'BEA-PARFUM-ROSE',
    'beauty',
    'Eau de Parfum Rose 50 ml',
    'Rose Eau de Parfum 50 ml',
    '玫瑰香水 50ml',
    5900,
  ),
  p(
    'TOY-BRICKS-500',
    'toys',
    'Bausteine-Set, 500 Teile',
    'Building Bricks Set, 500 pcs',
    '积木套装 500 块',
    3495,
    { maxQuantity: 2 },
  ),
  p('TOY-PLUSH-PANDA', 'toys', 'Plüsch-Panda 30 cm', 'Plush Panda 30 cm', '毛绒熊猫公仔 30厘米', 2200, {
    maxQuantity: 3,
  }),
  p(
    'TOY-RC-TURBO',
    'toys',
    'Ferngesteuertes Auto Turbo',
    'Turbo Remote Control Car',
    'Turbo 遥控赛车',
    4990,
    { colours: ['red', 'blue'] },
  ),
];

/**
 * The product's price in a market's currency with the endings shoppers there expect: euros as
 * set, dollars and pounds ending in .99, yuan as whole amounts ending in 9.
 */
export function localPriceMinor(priceEurMinor: number, currency: string): number {
  switch (currency) {
    case 'USD':
      return Math.max(1, Math.round((priceEurMinor * 108) / 10_000)) * 100 - 1;
    case 'GBP':
      return Math.max(1, Math.round((priceEurMinor * 85) / 10_000)) * 100 - 1;
    case 'CNY':
      return Math.max(1, Math.round((priceEurMinor * 78) / 10_000)) * 1000 - 100;
    default:
      return priceEurMinor;
  }
}
