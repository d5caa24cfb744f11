// The clerk's pages: the resident ID number (GB 11643) checked as it is typed, with the same Chinese
// messages as the service (Visitation.Rules ResidentIdNumber), shown beside the field in a live region.
// A help only: the service checks every number again and decides; the form works without this script.
(function () {
  'use strict';
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK_CHARACTERS = '10X98765432';
  var EARLIEST_BIRTH_YEAR = 1900;

  function validBirthDate(yyyyMMdd) {
    var year = +yyyyMMdd.slice(0, 4), month = +yyyyMMdd.slice(4, 6), day = +yyyyMMdd.slice(6, 8);
    var date = new Date(Date.UTC(year, month - 1, day));
    return year >= EARLIEST_BIRTH_YEAR && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }

  function checkCharacter(first17) {
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]; }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  // The message for what is typed so far; finished: the clerk has left the field.
  // Returns null while a half-typed number has nothing wrong yet, '' for a number that passes.
  function problem(value, finished) {
    var id = value.trim();
    if (id.length === 0) { return null; }
    var digits = id.slice(0, 17);
    if (!/^[0-9]*$/.test(digits) || (id.length === 18 && !/^[0-9Xx]$/.test(id.charAt(17))) || id.length > 18) {
      return id.length > 18 ? '身份证号码应为18位' : '身份证号码格式不正确：前17位应为数字，最后一位应为数字或X';
    }
    if (id.length >= 14 && !validBirthDate(id.slice(6, 14))) { return '身份证号码中的出生日期无效'; }
    if (id.length < 18) { return finished ? '身份证号码应为18位，现为' + id.length + '位' : null; }
    if (id.charAt(17).toUpperCase() !== checkCharacter(digits)) { return '身份证号码校验位不正确，请逐位核对'; }
    return '';
  }

  function describe(input, message) {
    message.textContent = input.__problem === '' ? '号码格式正确（提交后由系统核验）' : (input.__problem || '');
    message.className = 'id-check' + (input.__problem ? ' bad' : input.__problem === '' ? ' ok' : '');
  }

  function attach(input) {
    var message = document.createElement('span');
    message.id = input.id + '-check';
    message.setAttribute('aria-live', 'polite');
    message.className = 'id-check';
    input.parentNode.insertBefore(message, input.nextSibling);
    input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + message.id).trim());
    input.addEventListener('input', function () { input.__problem = problem(input.value, false); describe(input, message); });
    input.addEventListener('blur', function () { input.__problem = problem(input.value, true); describe(input, message); });
    if (input.value) { input.__problem = problem(input.value, true); describe(input, message); }
  }

  document.querySelectorAll('input.id-number').forEach(attach);
})();
