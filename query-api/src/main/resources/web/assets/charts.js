// The analytics charts, drawn by ECharts (the WebJar's echarts.min.js, which the page preloads).
// Each chart's figures are exactly the API's; the browser tests read them back from the chart.

const charts = {};
let library;

/**
 * Runs ECharts once (the page's preload has usually fetched it by then). Called when the charts' data is
 * wanted, after the first data is on screen, so parsing its megabyte of script never delays the board.
 */
export function chartsLibrary() {
  return library ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = document.getElementById('echarts-src').href;
    script.onload = () => resolve(globalThis.echarts);
    script.onerror = () => reject(new Error('the charts library did not load'));
    document.head.append(script);
  });
}

function chart(id) {
  charts[id] ??= globalThis.echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
  return charts[id];
}

addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

export function drawStatus(statusDistribution) {
  const data = Object.entries(statusDistribution).map(([name, value]) => ({name, value}));
  chart('chart-status').setOption({tooltip: {trigger: 'item'}, legend: {bottom: 0},
    series: [{type: 'pie', radius: ['35%', '65%'], data, label: {formatter: '{b}: {c}'}}]}, true);
}

export function drawRevenue(days) {
  chart('chart-revenue').setOption({tooltip: {trigger: 'axis'}, grid: {left: 60, right: 16, top: 16, bottom: 40},
    xAxis: {type: 'category', data: days.map(d => d.day)}, yAxis: {type: 'value', name: 'GEL'},
    series: [{type: 'bar', name: 'revenue', data: days.map(d => Number(d.revenue))}]}, true);
}

export function drawDelivery(pickupToDelivery, createdToDelivery) {
  chart('chart-delivery').setOption({tooltip: {trigger: 'axis'}, legend: {bottom: 0}, grid: {left: 50, right: 16, top: 16, bottom: 50},
    xAxis: {type: 'category', data: ['p50', 'p90']}, yAxis: {type: 'value', name: 'min'},
    series: [
      {type: 'bar', name: 'pick-up → delivery', data: [pickupToDelivery.p50MinutesAtMost, pickupToDelivery.p90MinutesAtMost]},
      {type: 'bar', name: 'placed → delivery', data: [createdToDelivery.p50MinutesAtMost, createdToDelivery.p90MinutesAtMost]}]}, true);
}

export function drawOnTime(onTime) {
  const percent = onTime.rate === null || onTime.rate === undefined ? 0 : Math.round(Number(onTime.rate) * 1000) / 10;
  chart('chart-ontime').setOption({series: [{type: 'gauge', min: 0, max: 100, progress: {show: true},
    detail: {formatter: onTime.eligible ? '{value} %' : 'no deliveries'}, data: [{value: percent, name: `${onTime.onTime} of ${onTime.eligible}`}]}]}, true);
}
